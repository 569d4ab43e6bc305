/** What happens on the scenario stage, including record shapes the simulator does not write. */
package io.stormwatch.sim.scenario.event;
