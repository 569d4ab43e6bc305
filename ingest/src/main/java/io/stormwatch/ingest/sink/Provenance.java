package io.stormwatch.ingest.sink;

/**
 * Where a dead-lettered record came from, in the dead-letter headers' terms.
 *
 * @param source a topic, or a description such as {@code o365:<tenant>/<content type>/<content id>}
 * @param partition the source partition, -1 when there is none
 * @param offset the source offset, or the record's position in a content blob
 */
public record Provenance(String source, int partition, long offset) {}
