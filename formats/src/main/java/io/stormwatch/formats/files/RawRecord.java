package io.stormwatch.formats.files;

import io.stormwatch.formats.common.RejectionType;
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
 * @param refusal why the reader itself refused the record (too long, in a decompression bomb,
 *     beyond a limit), or null; a refused record is {@link RawKind#UNKNOWN} and its bytes are only
 *     the first {@value FileLimits#KEPT_BYTES} of it
 */
public record RawRecord(
    RawKind kind, String tenantId, Instant eventTime, byte[] json, String origin, Refusal refusal) {

  /** Why a reader refused a record, in the normaliser's terms. */
  public record Refusal(RejectionType type, String reason) {
    public Refusal {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public RawRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(origin, "origin");
  }

  /** A record the reader did not refuse. */
  public RawRecord(RawKind kind, String tenantId, Instant eventTime, byte[] json, String origin) {
    this(kind, tenantId, eventTime, json, origin, null);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawRecord that
        && kind == that.kind
        && Objects.equals(tenantId, that.tenantId)
        && Objects.equals(eventTime, that.eventTime)
        && Arrays.equals(json, that.json)
        && origin.equals(that.origin)
        && Objects.equals(refusal, that.refusal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, tenantId, eventTime, Arrays.hashCode(json), origin, refusal);
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
        + (refusal == null ? "" : " refused " + refusal.type().code())
        + " "
        + new String(json, 0, shown, StandardCharsets.UTF_8)
        + (shown < json.length ? "…" : "")
        + "]";
  }
}
