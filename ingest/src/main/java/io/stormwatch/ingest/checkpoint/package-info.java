/**
 * Positions of every source (a tenant's content feed, an Event Hub partition) in a compacted topic,
 * written in the same transaction as the records they cover and read back, committed only, when an
 * ingestion starts.
 */
package io.stormwatch.ingest.checkpoint;
