/**
 * Seeded random streams: every choice in a simulation derives from the settings' seed through a
 * path of labels (tenant, user, day, ...), so entities never share or reshuffle each other's draws.
 */
package io.stormwatch.sim.random;
