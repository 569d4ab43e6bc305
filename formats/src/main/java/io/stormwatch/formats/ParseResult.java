package io.stormwatch.formats;

import io.stormwatch.formats.common.RejectionType;
import io.stormwatch.schemas.avro.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** The outcome of parsing one audit record: a normalised event, or the reason it was refused. */
public sealed interface ParseResult {

  /**
   * The record was read and normalised.
   *
   * @param event the normalised event
   * @param recordBytes the record as it arrived (shared with the message, not copied: read-only),
   *     for a later stage that refuses the event after all
   */
  record Parsed(AuditEvent event, byte[] recordBytes) implements ParseResult {
    public Parsed {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(recordBytes, "recordBytes");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Parsed that
          && event.equals(that.event)
          && Arrays.equals(recordBytes, that.recordBytes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(event, Arrays.hashCode(recordBytes));
    }

    @Override
    public String toString() {
      return "Parsed[" + event + "; " + recordBytes.length + " bytes]";
    }
  }

  /**
   * The record could not be normalised.
   *
   * @param errorType a stable kebab-case category, the {@link RejectionType#code() code} of a
   *     {@link RejectionType}, meant for metrics and dead-letter headers
   * @param reason what is wrong, precisely enough to fix the record (e.g. {@code "CreationTime
   *     '2020-13-45' is not a time"})
   * @param recordBytes the refused record as it arrived: the whole message for a single-record
   *     message, the element's own JSON for an element of an array or envelope
   */
  record Rejected(String errorType, String reason, byte[] recordBytes) implements ParseResult {
    /**
     * Creates a rejection of the given type.
     *
     * @param type why the record was refused
     * @param reason what is wrong with it
     * @param recordBytes the refused record as it arrived
     */
    public Rejected(RejectionType type, String reason, byte[] recordBytes) {
      this(type.code(), reason, recordBytes);
    }

    public Rejected {
      Objects.requireNonNull(errorType, "errorType");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(recordBytes, "recordBytes");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Rejected that
          && errorType.equals(that.errorType)
          && reason.equals(that.reason)
          && Arrays.equals(recordBytes, that.recordBytes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(errorType, reason, Arrays.hashCode(recordBytes));
    }

    @Override
    public String toString() {
      // Bounded so that a log line about a huge record stays readable.
      int shown = Math.min(recordBytes.length, 200);
      String head = new String(recordBytes, 0, shown, StandardCharsets.UTF_8);
      return "Rejected["
          + errorType
          + ": "
          + reason
          + "; "
          + recordBytes.length
          + " bytes: "
          + head
          + (shown < recordBytes.length ? "…" : "")
          + "]";
    }
  }
}
