/**
 * Injected attacks: each scenario picks an active victim and a time inside the attack window from
 * the users' plans and produces the attacker's records together with their ground-truth label.
 */
package io.stormwatch.sim.attack;
