/**
 * The ground truth of a demo simulation run: the labels of the attacks it placed, written as JSON.
 */
package io.stormwatch.sim.truth;
