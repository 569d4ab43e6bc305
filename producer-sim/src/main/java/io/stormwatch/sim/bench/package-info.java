/**
 * A benchmark command for generation speed; prints its figures with a baseline from the same run.
 */
package io.stormwatch.sim.bench;
