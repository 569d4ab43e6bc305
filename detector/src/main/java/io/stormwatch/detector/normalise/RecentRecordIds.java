package io.stormwatch.detector.normalise;

import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.schemas.avro.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The records one account had within the dedupe window, to drop re-deliveries: a 64-bit hash of
 * each record's source, id and event time (a re-delivered record has all three), with the minute of
 * its event time, by which the oldest are forgotten.
 *
 * <p>Kept in the account's own state entry, which every record of the account reads and writes
 * anyway: remembering a record id then costs no store write and no changelog record of its own.
 * Bounded twice: by the window, counted back from the account's latest event, and by a number of
 * records, beyond which the oldest are forgotten first.
 */
public final class RecentRecordIds {

  private static final long MINUTE = 60_000;

  /** Epoch minute of each record, ascending; parallel to {@link #hashes}. */
  private int[] minutes = new int[0];

  private long[] hashes = new long[0];
  private int size;

  /** The minute offsets' base: minutes are stored as offsets from it, to take four bytes each. */
  private long baseMinute;

  /** The hash a record is remembered by. */
  public static long hashOf(AuditEvent event) {
    return hashOf(
        event.getSource().name(), event.getEventId(), event.getEventTime().toEpochMilli());
  }

  static long hashOf(String source, String recordId, long eventTime) {
    // FNV-1a over the UTF-8 bytes, then the time mixed in: the same on every JVM and release.
    long hash = 0xcbf29ce484222325L;
    for (byte b : (source + '|' + recordId).getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash *= 0x100000001b3L;
    }
    hash ^= eventTime;
    hash *= 0x9E3779B97F4A7C15L;
    return hash ^ (hash >>> 31);
  }

  /** Records remembered. */
  public int size() {
    return size;
  }

  /** Whether a record with {@code hash} is remembered. */
  public boolean contains(long hash) {
    for (int i = 0; i < size; i++) {
      if (hashes[i] == hash) {
        return true;
      }
    }
    return false;
  }

  /**
   * Remembers a record at {@code eventTime}, then forgets records before {@code horizon} and, past
   * {@code maxRecords}, the oldest. A record before the horizon is not remembered at all.
   */
  public void add(long hash, long eventTime, long horizon, int maxRecords) {
    long minute = Math.floorDiv(eventTime, MINUTE);
    long horizonMinute = Math.floorDiv(horizon, MINUTE);
    if (minute < horizonMinute) {
      return;
    }
    forgetBefore(horizonMinute);
    if (size == 0) {
      baseMinute = minute;
    } else if (minute < baseMinute) {
      rebase(minute);
    }
    int offset = Math.toIntExact(minute - baseMinute);
    int at = size;
    while (at > 0 && minutes[at - 1] > offset) {
      at--; // records arrive in time order nearly always: the search ends at once
    }
    if (size == hashes.length) {
      int grown = Math.max(4, size * 2);
      minutes = Arrays.copyOf(minutes, grown);
      hashes = Arrays.copyOf(hashes, grown);
    }
    System.arraycopy(minutes, at, minutes, at + 1, size - at);
    System.arraycopy(hashes, at, hashes, at + 1, size - at);
    minutes[at] = offset;
    hashes[at] = hash;
    size++;
    if (size > maxRecords) {
      drop(size - maxRecords);
    }
  }

  private void forgetBefore(long horizonMinute) {
    int stale = 0;
    while (stale < size && baseMinute + minutes[stale] < horizonMinute) {
      stale++;
    }
    drop(stale);
  }

  /** Forgets the {@code count} oldest records. */
  private void drop(int count) {
    if (count == 0) {
      return;
    }
    System.arraycopy(minutes, count, minutes, 0, size - count);
    System.arraycopy(hashes, count, hashes, 0, size - count);
    size -= count;
    if (size > 0) {
      rebase(baseMinute + minutes[0]);
    }
  }

  private void rebase(long newBase) {
    int shift = Math.toIntExact(baseMinute - newBase);
    for (int i = 0; i < size; i++) {
      minutes[i] += shift;
    }
    baseMinute = newBase;
  }

  /** Writes the records: count, base minute, then each minute offset and hash. */
  public void write(BinaryStateWriter out) {
    out.writeInt(size);
    if (size == 0) {
      return;
    }
    out.writeLong(baseMinute);
    for (int i = 0; i < size; i++) {
      out.writeInt(minutes[i]).writeLong(hashes[i]);
    }
  }

  /** Reads what {@link #write} wrote. */
  public static RecentRecordIds read(BinaryStateReader in) {
    RecentRecordIds ids = new RecentRecordIds();
    int size = in.readInt();
    if (size == 0) {
      return ids;
    }
    ids.baseMinute = in.readLong();
    ids.minutes = new int[size];
    ids.hashes = new long[size];
    for (int i = 0; i < size; i++) {
      ids.minutes[i] = in.readInt();
      ids.hashes[i] = in.readLong();
    }
    ids.size = size;
    return ids;
  }
}
