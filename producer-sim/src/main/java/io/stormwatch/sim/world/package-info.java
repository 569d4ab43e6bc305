/**
 * The simulated world: fictional tenants, their users and habits, and a catalogue of real
 * autonomous systems whose prefixes an open IP database maps to the ASN and country claimed.
 */
package io.stormwatch.sim.world;
