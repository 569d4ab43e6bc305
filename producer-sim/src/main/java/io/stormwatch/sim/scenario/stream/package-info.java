/**
 * Merging history, scenarios and background into one stream, in event time and in arrival order.
 */
package io.stormwatch.sim.scenario.stream;
