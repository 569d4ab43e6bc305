package io.stormwatch.detector.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import org.junit.jupiter.api.Test;

class RecentRecordIdsTest {

  private static final long T0 = 1_772_442_600_000L;
  private static final long MINUTE = 60_000;

  @Test
  void forgetsRecordsBeforeTheHorizonAndTheOldestPastTheLimit() {
    RecentRecordIds ids = new RecentRecordIds();
    ids.add(1, T0, T0 - 60 * MINUTE, 3);
    ids.add(2, T0 + MINUTE, T0 - 60 * MINUTE, 3);
    ids.add(3, T0 + 2 * MINUTE, T0 - 60 * MINUTE, 3);
    ids.add(4, T0 + 3 * MINUTE, T0 - 60 * MINUTE, 3);

    assertThat(ids.contains(1)).isFalse();
    assertThat(ids.contains(2)).isTrue();
    assertThat(ids.size()).isEqualTo(3);

    ids.add(5, T0 + 90 * MINUTE, T0 + 30 * MINUTE, 3);

    assertThat(ids.size()).isEqualTo(1);
    assertThat(ids.contains(5)).isTrue();
  }

  @Test
  void aRecordBeforeTheHorizonIsNotRemembered() {
    RecentRecordIds ids = new RecentRecordIds();
    ids.add(1, T0, T0 + MINUTE, 16);

    assertThat(ids.contains(1)).isFalse();
  }

  @Test
  void readsWhatItWrote() {
    RecentRecordIds ids = new RecentRecordIds();
    ids.add(7, T0 + 5 * MINUTE, T0 - 60 * MINUTE, 16);
    ids.add(8, T0, T0 - 60 * MINUTE, 16); // out of time order
    BinaryStateWriter out = new BinaryStateWriter();
    ids.write(out);

    RecentRecordIds read = RecentRecordIds.read(new BinaryStateReader(out.toByteArray()));

    assertThat(read.size()).isEqualTo(2);
    assertThat(read.contains(7)).isTrue();
    assertThat(read.contains(8)).isTrue();
    assertThat(RecentRecordIds.hashOf("UNIFIED_AUDIT_LOG", "a", T0))
        .isNotEqualTo(RecentRecordIds.hashOf("UNIFIED_AUDIT_LOG", "a", T0 + 1));
  }
}
