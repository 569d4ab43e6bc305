/** Publishing simulated records to the raw Kafka topics. */
package io.stormwatch.sim.publish;
