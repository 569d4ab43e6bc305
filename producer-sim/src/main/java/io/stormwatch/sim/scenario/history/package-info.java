/** Weeks of sparse history before the scenario day, so per-account rules have learnt. */
package io.stormwatch.sim.scenario.history;
