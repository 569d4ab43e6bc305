package io.stormwatch.traffic.replay;

import io.stormwatch.formats.files.RawKind;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * One record on its way from a recording to Kafka: what it is, when it sorts, where it came from.
 *
 * @param kind which log it belongs to, or {@link RawKind#UNKNOWN}
 * @param tenantId the record's tenant, or null
 * @param timestamp epoch milliseconds: the record's event time, or the replay's read time when it
 *     has none
 * @param timed whether {@code timestamp} is the record's own event time
 * @param json the record's bytes as read
 * @param origin where it was read, {@code file:line}
 * @param sequence its position in reading order over all files
 * @param refusal why the file reader refused it, or null
 */
record ReplayRecord(
    RawKind kind,
    String tenantId,
    long timestamp,
    boolean timed,
    byte[] json,
    String origin,
    long sequence,
    Rejection refusal) {

  /**
   * Replay order: event time, then a canonical order of the record's content (kind, tenant, bytes),
   * so that records of one instant come out the same whichever files, layouts or export order they
   * were read from; reading order breaks the last ties (identical records).
   */
  static final Comparator<ReplayRecord> REPLAY_ORDER =
      Comparator.comparingLong(ReplayRecord::timestamp)
          .thenComparingInt(r -> kindRank(r.kind()))
          .thenComparing(ReplayRecord::tenantId, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ReplayRecord::json, Arrays::compareUnsigned)
          .thenComparingLong(ReplayRecord::sequence);

  ReplayRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(origin, "origin");
  }

  /** A record the file reader did not refuse. */
  ReplayRecord(
      RawKind kind,
      String tenantId,
      long timestamp,
      boolean timed,
      byte[] json,
      String origin,
      long sequence) {
    this(kind, tenantId, timestamp, timed, json, origin, sequence, null);
  }

  /** Heap bytes this record holds, roughly: what the sorter counts against its memory budget. */
  long estimatedSize() {
    return 96L
        + json.length
        + 2L * origin.length()
        + (tenantId == null ? 0 : 40L + 2L * tenantId.length())
        + (refusal == null ? 0 : 80L + 2L * refusal.reason().length());
  }

  /** Sign-ins first: at one instant, a token's issuance comes before its use. */
  private static int kindRank(RawKind kind) {
    return switch (kind) {
      case ENTRA_SIGN_IN -> 0;
      case UNIFIED_AUDIT_LOG -> 1;
      case UNKNOWN -> 2;
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReplayRecord that
        && kind == that.kind
        && Objects.equals(tenantId, that.tenantId)
        && timestamp == that.timestamp
        && timed == that.timed
        && Arrays.equals(json, that.json)
        && origin.equals(that.origin)
        && sequence == that.sequence
        && Objects.equals(refusal, that.refusal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        kind, tenantId, timestamp, timed, Arrays.hashCode(json), origin, sequence, refusal);
  }

  @Override
  public String toString() {
    return "ReplayRecord[" + kind + " " + origin + " t=" + timestamp + " " + json.length + " B]";
  }
}
