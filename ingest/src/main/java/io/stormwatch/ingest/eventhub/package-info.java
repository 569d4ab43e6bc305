/**
 * Entra ID diagnostic settings streamed to Event Hubs, read through the Event Hubs Kafka endpoint
 * and written to the sign-in raw topic: envelopes split into records, keyed by tenant, stamped with
 * event time. The source offsets are checkpointed in Stormwatch's cluster in the same transaction
 * as the records, since a transaction cannot span the two clusters.
 */
package io.stormwatch.ingest.eventhub;
