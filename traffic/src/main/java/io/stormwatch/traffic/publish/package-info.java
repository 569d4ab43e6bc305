/**
 * Publishing raw records to the Kafka topics: {@link
 * io.stormwatch.traffic.publish.RawTopicPublisher} sends them, {@link
 * io.stormwatch.traffic.publish.EventTimeLockstep} keeps the two raw topics in step in event time.
 */
package io.stormwatch.traffic.publish;
