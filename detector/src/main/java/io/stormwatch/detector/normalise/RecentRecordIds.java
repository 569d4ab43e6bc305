package io.stormwatch.detector.normalise;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The records one account had within the dedupe window, to drop re-deliveries: a 64-bit hash of
 * each record's source, id and event time (a re-delivered record has all three), with the minute of
 * its event time, by which the oldest are forgotten.
 *
 * <p>The newest {@value #KEPT_IN_ENTRY} are kept in the account's own state entry, which every
 * record of the account reads and writes anyway: remembering a record id then costs no store write
 * and no changelog record of its own. A busy account's older ones are moved, half an entry's worth
 * at a time, to {@link OlderRecordIds}, read only for a record older than the entry's and written
 * once per move: an entry that held all of a day's records of a busy account would rewrite up to
 * {@code maxRecords} ids with each of them. The entry keeps the count and minute range of the older
 * ones, so a record outside that range reads nothing.
 *
 * <p>Bounded twice: by the window, counted back from the account's latest event, and by a number of
 * records, beyond which the oldest are forgotten first.
 */
public final class RecentRecordIds {

  /** At most this many ids live in the entry itself. */
  public static final int KEPT_IN_ENTRY = 64;

  /** The older ids' own stored value: the records, as the entry writes them. */
  public static final StateCodec<RecentRecordIds> OLDER_CODEC =
      new BinaryStateCodec<>("record-ids", 1) {
        @Override
        protected void write(RecentRecordIds ids, BinaryStateWriter out) {
          ids.writeRecords(out);
        }

        @Override
        protected RecentRecordIds read(BinaryStateReader in, int version) {
          return readRecords(in);
        }
      };

  private static final long MINUTE = 60_000;

  /**
   * Where an account's older record ids are kept: its own key in a store that only the moves write.
   */
  public interface OlderRecordIds {

    /** The older ids; empty if there are none. */
    RecentRecordIds read();

    /** Replaces the older ids with {@code ids}, which holds some. */
    void write(RecentRecordIds ids);

    void delete();
  }

  /** Epoch minute of each record, ascending; parallel to {@link #hashes}. */
  private int[] minutes = new int[0];

  private long[] hashes = new long[0];
  private int size;

  /** The minute offsets' base: minutes are stored as offsets from it, to take four bytes each. */
  private long baseMinute;

  /** How many older ids {@link OlderRecordIds} holds, and the epoch minutes they span. */
  private int olderCount;

  private long olderFirstMinute;
  private long olderLastMinute;

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

  /** Records remembered in the entry itself. */
  public int size() {
    return size;
  }

  /** Records remembered, in the entry and in {@link OlderRecordIds}. */
  public int remembered() {
    return size + olderCount;
  }

  /**
   * Whether the record with {@code hash} at {@code eventTime} is remembered; reads {@code older}
   * only if the entry does not hold it and the older ids span its minute.
   */
  public boolean contains(long hash, long eventTime, OlderRecordIds older) {
    if (holds(hash)) {
      return true;
    }
    long minute = Math.floorDiv(eventTime, MINUTE);
    return olderCount > 0
        && minute >= olderFirstMinute
        && minute <= olderLastMinute
        && older.read().holds(hash);
  }

  private boolean holds(long hash) {
    for (int i = 0; i < size; i++) {
      if (hashes[i] == hash) {
        return true;
      }
    }
    return false;
  }

  /**
   * Remembers a record at {@code eventTime}, then forgets records before {@code horizon} and, past
   * {@code maxRecords}, the oldest; past {@link #KEPT_IN_ENTRY} in the entry, moves the older half
   * to {@code older}. A record before the horizon is not remembered at all.
   */
  public void add(long hash, long eventTime, long horizon, int maxRecords, OlderRecordIds older) {
    long minute = Math.floorDiv(eventTime, MINUTE);
    long horizonMinute = Math.floorDiv(horizon, MINUTE);
    if (minute < horizonMinute) {
      return;
    }
    forgetBefore(horizonMinute);
    if (olderCount > 0 && olderLastMinute < horizonMinute) {
      older.delete();
      olderCount = 0;
    }
    insert(minute, hash);
    if (size > Math.min(maxRecords, KEPT_IN_ENTRY)) {
      if (maxRecords <= KEPT_IN_ENTRY) {
        drop(size - maxRecords);
      } else {
        moveOlderHalf(older, horizonMinute, maxRecords);
      }
    }
  }

  /**
   * Moves all but the newest half of the entry's ids to {@code older}, keeping there no more than
   * the entry may not hold of {@code maxRecords}, oldest forgotten first.
   */
  private void moveOlderHalf(OlderRecordIds older, long horizonMinute, int maxRecords) {
    RecentRecordIds moved = olderCount > 0 ? older.read() : new RecentRecordIds();
    moved.forgetBefore(horizonMinute);
    int moving = size - KEPT_IN_ENTRY / 2;
    for (int i = 0; i < moving; i++) {
      moved.insert(baseMinute + minutes[i], hashes[i]);
    }
    drop(moving);
    int room = maxRecords - KEPT_IN_ENTRY;
    if (moved.size > room) {
      moved.drop(moved.size - room);
    }
    olderCount = moved.size;
    if (olderCount == 0) {
      older.delete();
      return;
    }
    olderFirstMinute = moved.baseMinute + moved.minutes[0];
    olderLastMinute = moved.baseMinute + moved.minutes[moved.size - 1];
    older.write(moved);
  }

  /** Inserts a record at epoch minute {@code minute}, keeping the minutes in order. */
  private void insert(long minute, long hash) {
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

  /**
   * Writes the records: count, base minute, then each minute offset and hash; then how many older
   * ones there are and, if any, their first and last minute.
   */
  public void write(BinaryStateWriter out) {
    writeRecords(out);
    out.writeInt(olderCount);
    if (olderCount > 0) {
      out.writeLong(olderFirstMinute).writeLong(olderLastMinute);
    }
  }

  /**
   * Reads what {@link #write} wrote; {@code withOlder} false for what releases wrote before older
   * ids were moved out of the entry, which wrote the records only.
   */
  public static RecentRecordIds read(BinaryStateReader in, boolean withOlder) {
    RecentRecordIds ids = readRecords(in);
    if (withOlder) {
      ids.olderCount = in.readInt();
      if (ids.olderCount > 0) {
        ids.olderFirstMinute = in.readLong();
        ids.olderLastMinute = in.readLong();
      }
    }
    return ids;
  }

  private void writeRecords(BinaryStateWriter out) {
    out.writeInt(size);
    if (size == 0) {
      return;
    }
    out.writeLong(baseMinute);
    for (int i = 0; i < size; i++) {
      out.writeInt(minutes[i]).writeLong(hashes[i]);
    }
  }

  private static RecentRecordIds readRecords(BinaryStateReader in) {
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
