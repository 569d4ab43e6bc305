/**
 * The simulated tenants scenarios play in: casting users into roles, their habits, the networks
 * scenarios add, and how each tenant's sign-in logs arrive.
 */
package io.stormwatch.sim.scenario.stage;
