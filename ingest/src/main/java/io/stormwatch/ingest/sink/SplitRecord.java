package io.stormwatch.ingest.sink;

import java.time.Instant;
import java.util.Objects;

/** One record cut out of what Microsoft delivered, and what becomes of it. */
public sealed interface SplitRecord {

  /** The record's bytes as Microsoft sent them. */
  byte[] json();

  /**
   * A record for a raw topic.
   *
   * @param tenantId the record key
   * @param eventTime the Kafka timestamp: when the audited action happened
   * @param json the record's bytes
   */
  record Accepted(String tenantId, Instant eventTime, byte[] json) implements SplitRecord {
    public Accepted {
      Objects.requireNonNull(tenantId, "tenantId");
      Objects.requireNonNull(eventTime, "eventTime");
      Objects.requireNonNull(json, "json");
    }
  }

  /**
   * A record that cannot go to a raw topic; it goes to the dead-letter topic with the reason.
   *
   * @param json the bytes as received (possibly cut short, which the reason then says)
   * @param errorType a short machine-readable kind, e.g. {@code NO_EVENT_TIME}
   * @param reason what is wrong, for a person
   */
  record Rejected(byte[] json, String errorType, String reason) implements SplitRecord {
    public Rejected {
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(errorType, "errorType");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A well-formed record this ingestion does not carry (another diagnostic-settings category).
   *
   * @param json the record's bytes
   * @param category the category that is not wanted
   */
  record Ignored(byte[] json, String category) implements SplitRecord {}
}
