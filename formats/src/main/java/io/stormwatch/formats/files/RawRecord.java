package io.stormwatch.formats.files;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record read from an audit file, as it was written, with what routing and ordering need.
 *
 * @param kind which log the record belongs to; {@link RawKind#UNKNOWN} when it could not be read
 * @param tenantId the record's tenant in lower case, or null when it has none or is unreadable
 * @param eventTime when the event happened, or null when the record has no readable time
 * @param json the record's bytes: a JSON-lines line exactly as in the file, an array or envelope
 *     element exactly as in the file, or the text of a CSV export's AuditData cell
 * @param origin where the record starts, as {@code file:line}
 */
public record RawRecord(
    RawKind kind, String tenantId, Instant eventTime, byte[] json, String origin) {

  public RawRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(origin, "origin");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawRecord that
        && kind == that.kind
        && Objects.equals(tenantId, that.tenantId)
        && Objects.equals(eventTime, that.eventTime)
        && Arrays.equals(json, that.json)
        && origin.equals(that.origin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, tenantId, eventTime, Arrays.hashCode(json), origin);
  }

  @Override
  public String toString() {
    int shown = Math.min(json.length, 120);
    return "RawRecord["
        + kind
        + " "
        + origin
        + " tenant="
        + tenantId
        + " time="
        + eventTime
        + " "
        + new String(json, 0, shown, StandardCharsets.UTF_8)
        + (shown < json.length ? "…" : "")
        + "]";
  }
}
