/** One script per scenario type: who is cast, and what happens on the scenario day. */
package io.stormwatch.sim.scenario.script;
