package io.stormwatch.detector.normalise;

import io.stormwatch.detector.state.StateFixture;

/** A busy account's older record ids, as their own store keeps them: three, one out of order. */
public final class OlderRecordIdsFixture {

  private static final long T0 = 1_772_442_600_000L;
  private static final long MINUTE = 60_000;

  private OlderRecordIdsFixture() {}

  public static StateFixture<RecentRecordIds> fixture() {
    return new StateFixture<>(
        "record-ids", RecentRecordIds.OLDER_CODEC, OlderRecordIdsFixture::value);
  }

  static RecentRecordIds value() {
    RecentRecordIds ids = new RecentRecordIds();
    RecentRecordIds.OlderRecordIds none = new NoOlderRecordIds();
    ids.add(0x1111_2222_3333_4444L, T0, T0 - MINUTE, 16, none);
    ids.add(0x5555_6666_7777_8888L, T0 + 3 * MINUTE, T0 - MINUTE, 16, none);
    ids.add(-2L, T0 + MINUTE, T0 - MINUTE, 16, none);
    return ids;
  }

  /** Three ids under a limit of 16 never leave the entry: nothing may be asked of this. */
  private static final class NoOlderRecordIds implements RecentRecordIds.OlderRecordIds {
    @Override
    public RecentRecordIds read() {
      throw new AssertionError("read");
    }

    @Override
    public void write(RecentRecordIds ids) {
      throw new AssertionError("write");
    }

    @Override
    public void delete() {
      throw new AssertionError("delete");
    }
  }
}
