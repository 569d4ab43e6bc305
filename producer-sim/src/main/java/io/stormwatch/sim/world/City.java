package io.stormwatch.sim.world;

/**
 * Where Entra geolocates a sign-in: the {@code location} block of a sign-in record.
 *
 * @param name city
 * @param state state or region
 * @param latitude degrees north
 * @param longitude degrees east
 */
public record City(String name, String state, double latitude, double longitude) {}
