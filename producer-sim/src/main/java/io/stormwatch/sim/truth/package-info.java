/** Ground truth of a run: which records belong to which attack, written and read as JSON. */
package io.stormwatch.sim.truth;
