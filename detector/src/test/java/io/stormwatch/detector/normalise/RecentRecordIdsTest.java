package io.stormwatch.detector.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import org.junit.jupiter.api.Test;

class RecentRecordIdsTest {

  private static final long T0 = 1_772_442_600_000L;
  private static final long MINUTE = 60_000;
  private static final long DAY = 24 * 60 * MINUTE;

  /** Older ids kept as the store keeps them, encoded; counts what is asked of it. */
  private static final class StoredOlder implements RecentRecordIds.OlderRecordIds {
    byte[] stored;
    int reads;
    int writes;
    int deletes;

    @Override
    public RecentRecordIds read() {
      reads++;
      return stored == null ? new RecentRecordIds() : RecentRecordIds.OLDER_CODEC.decode(stored);
    }

    @Override
    public void write(RecentRecordIds ids) {
      writes++;
      stored = RecentRecordIds.OLDER_CODEC.encode(ids);
    }

    @Override
    public void delete() {
      deletes++;
      stored = null;
    }
  }

  /** Adds one record a minute from {@code from}, hash = minute index, with a day's window. */
  private static void addMinutes(
      RecentRecordIds ids, int from, int count, int maxRecords, StoredOlder older) {
    for (int i = from; i < from + count; i++) {
      long time = T0 + i * MINUTE;
      ids.add(i, time, time - DAY, maxRecords, older);
    }
  }

  private static boolean contains(RecentRecordIds ids, int minute, StoredOlder older) {
    return ids.contains(minute, T0 + minute * MINUTE, older);
  }

  @Test
  void forgetsRecordsBeforeTheHorizonAndTheOldestPastTheLimit() {
    RecentRecordIds ids = new RecentRecordIds();
    StoredOlder older = new StoredOlder();
    ids.add(1, T0, T0 - 60 * MINUTE, 3, older);
    ids.add(2, T0 + MINUTE, T0 - 60 * MINUTE, 3, older);
    ids.add(3, T0 + 2 * MINUTE, T0 - 60 * MINUTE, 3, older);
    ids.add(4, T0 + 3 * MINUTE, T0 - 60 * MINUTE, 3, older);

    assertThat(ids.contains(1, T0, older)).isFalse();
    assertThat(ids.contains(2, T0 + MINUTE, older)).isTrue();
    assertThat(ids.size()).isEqualTo(3);

    ids.add(5, T0 + 90 * MINUTE, T0 + 30 * MINUTE, 3, older);

    assertThat(ids.size()).isEqualTo(1);
    assertThat(ids.contains(5, T0 + 90 * MINUTE, older)).isTrue();
    assertThat(older.writes).isZero();
  }

  @Test
  void aRecordBeforeTheHorizonIsNotRemembered() {
    RecentRecordIds ids = new RecentRecordIds();
    StoredOlder older = new StoredOlder();
    ids.add(1, T0, T0 + MINUTE, 16, older);

    assertThat(ids.contains(1, T0, older)).isFalse();
  }

  @Test
  void aBusyAccountsOlderIdsLeaveTheEntryHalfAnEntryAtATimeAndAreStillRecognised() {
    RecentRecordIds ids = new RecentRecordIds();
    StoredOlder older = new StoredOlder();

    addMinutes(ids, 0, 200, 2048, older);

    assertThat(ids.size()).isLessThanOrEqualTo(RecentRecordIds.KEPT_IN_ENTRY);
    assertThat(ids.remembered()).isEqualTo(200);
    // One write per half entry moved, not one per record.
    assertThat(older.writes).isEqualTo((200 - RecentRecordIds.KEPT_IN_ENTRY / 2) / 32);
    assertThat(contains(ids, 0, older)).isTrue();
    assertThat(contains(ids, 150, older)).isTrue();
    assertThat(ids.contains(9_999, T0 + 10 * MINUTE, older)).isFalse();
  }

  @Test
  void aRecordOutsideTheOlderIdsMinutesReadsNothing() {
    RecentRecordIds ids = new RecentRecordIds();
    StoredOlder older = new StoredOlder();
    addMinutes(ids, 0, 200, 2048, older);
    older.reads = 0;

    assertThat(contains(ids, 199, older)).isTrue(); // in the entry
    assertThat(ids.contains(12_345, T0 + 199 * MINUTE, older)).isFalse(); // after the older ones
    assertThat(ids.contains(12_345, T0 - MINUTE, older)).isFalse(); // before them

    assertThat(older.reads).isZero();
  }

  @Test
  void olderIdsPastTheHorizonAreDeletedWithoutBeingRead() {
    RecentRecordIds ids = new RecentRecordIds();
    StoredOlder older = new StoredOlder();
    addMinutes(ids, 0, 200, 2048, older);
    older.reads = 0;

    long dayLater = T0 + DAY + 300 * MINUTE;
    ids.add(7, dayLater, dayLater - DAY, 2048, older);

    assertThat(older.deletes).isEqualTo(1);
    assertThat(older.stored).isNull();
    assertThat(older.reads).isZero();
    assertThat(ids.remembered()).isEqualTo(1);
    assertThat(contains(ids, 0, older)).isFalse();
  }

  @Test
  void theLimitCountsTheOlderIdsTooAndForgetsTheOldestFirst() {
    RecentRecordIds ids = new RecentRecordIds();
    StoredOlder older = new StoredOlder();

    addMinutes(ids, 0, 300, 100, older);

    assertThat(ids.remembered()).isLessThanOrEqualTo(100);
    assertThat(contains(ids, 0, older)).isFalse();
    assertThat(contains(ids, 299, older)).isTrue();
    assertThat(contains(ids, 300 - ids.remembered(), older)).isTrue();
  }

  @Test
  void readsWhatItWroteWithTheOlderIdsSummary() {
    RecentRecordIds ids = new RecentRecordIds();
    StoredOlder older = new StoredOlder();
    addMinutes(ids, 0, 100, 2048, older);
    ids.add(100_000, T0 + 50 * MINUTE, T0 - DAY, 2048, older); // out of time order
    BinaryStateWriter out = new BinaryStateWriter();
    ids.write(out);

    RecentRecordIds read = RecentRecordIds.read(new BinaryStateReader(out.toByteArray()), true);

    assertThat(read.size()).isEqualTo(ids.size());
    assertThat(read.remembered()).isEqualTo(101);
    assertThat(contains(read, 0, older)).isTrue();
    assertThat(read.contains(100_000, T0 + 50 * MINUTE, older)).isTrue();
    assertThat(contains(read, 99, older)).isTrue();
    assertThat(RecentRecordIds.hashOf("UNIFIED_AUDIT_LOG", "a", T0))
        .isNotEqualTo(RecentRecordIds.hashOf("UNIFIED_AUDIT_LOG", "a", T0 + 1));
  }

  @Test
  void anEntryWrittenBeforeOlderIdsWereKeptApartHoldsThemAllAndMovesThemOnItsNextRecord() {
    // What releases before wrote, all in the entry: count, base minute, minute offset and hash
    // each.
    BinaryStateWriter earlier = new BinaryStateWriter();
    earlier.writeInt(100).writeLong(Math.floorDiv(T0, MINUTE));
    for (int i = 0; i < 100; i++) {
      earlier.writeInt(i).writeLong(i);
    }
    StoredOlder older = new StoredOlder();

    RecentRecordIds read =
        RecentRecordIds.read(new BinaryStateReader(earlier.toByteArray()), false);
    assertThat(read.size()).isEqualTo(100);
    addMinutes(read, 100, 1, 2048, older);

    assertThat(read.size()).isLessThanOrEqualTo(RecentRecordIds.KEPT_IN_ENTRY);
    assertThat(read.remembered()).isEqualTo(101);
    assertThat(contains(read, 0, older)).isTrue();
  }
}
