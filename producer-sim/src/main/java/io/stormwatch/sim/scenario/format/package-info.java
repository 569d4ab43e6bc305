/** Writers of the scenario-only record shapes, in the layout of the simulator's own writers. */
package io.stormwatch.sim.scenario.format;
