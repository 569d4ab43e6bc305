/**
 * Publishing raw records to the Kafka topics: {@link io.stormwatch.sim.publish.RawTopicPublisher}
 * sends them, {@link io.stormwatch.sim.publish.EventTimeLockstep} keeps the two raw topics in step
 * in event time.
 */
package io.stormwatch.sim.publish;
