/**
 * The demo's attacks: the scenario library's attack scripts, each placed in a tenant by choosing an
 * active victim and a time inside the attack window from the users' plans.
 */
package io.stormwatch.sim.attack;
