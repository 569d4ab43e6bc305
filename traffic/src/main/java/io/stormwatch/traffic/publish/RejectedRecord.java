package io.stormwatch.traffic.publish;

import java.time.Instant;
import java.util.Objects;

/**
 * A record that could not be published to a raw topic, with the reason it was refused.
 *
 * <p>The bytes are handed over, not copied: treat them as read-only.
 *
 * @param tenantId the record key, or null when the record names no tenant
 * @param timestamp the Kafka record timestamp
 * @param value the record's bytes as they were read
 * @param errorType a stable kebab-case category, e.g. {@code not-json}
 * @param reason what is wrong, precisely enough to find and fix the record
 * @param origin where the record was read, e.g. {@code recording.jsonl:12}
 */
public record RejectedRecord(
    String tenantId,
    Instant timestamp,
    byte[] value,
    String errorType,
    String reason,
    String origin) {

  public RejectedRecord {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(origin, "origin");
  }
}
