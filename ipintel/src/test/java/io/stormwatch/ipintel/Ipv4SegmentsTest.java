package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class Ipv4SegmentsTest {

  @Test
  void findsNothingBeforeTheFirstSegment() {
    Ipv4Segments segments = segments(new long[] {0x01000000L}, new int[] {7});

    assertThat(segments.networkIdOf(0x00FFFFFFL)).isEqualTo(NetworkTable.NO_NETWORK);
    assertThat(segments.networkIdOf(0)).isEqualTo(NetworkTable.NO_NETWORK);
    assertThat(segments.networkIdOf(0x01000000L)).isEqualTo(7);
  }

  @Test
  void extendsASegmentAcrossPrefixesWhereNothingStarts() {
    Ipv4Segments segments = segments(new long[] {0x0A000000L, 0x0C000000L}, new int[] {1, 2});

    assertThat(segments.networkIdOf(0x0B050505L)).isEqualTo(1);
    assertThat(segments.networkIdOf(0x0BFFFFFFL)).isEqualTo(1);
    assertThat(segments.networkIdOf(0xFFFFFFFFL)).isEqualTo(2);
  }

  @Test
  void ordersAddressesAboveTheSignBitAsUnsigned() {
    Ipv4Segments segments =
        segments(
            new long[] {0x00000000L, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL},
            new int[] {0, 1, 2, 3});

    assertThat(segments.networkIdOf(0x7FFFFFFEL)).isEqualTo(0);
    assertThat(segments.networkIdOf(0x7FFFFFFFL)).isEqualTo(1);
    assertThat(segments.networkIdOf(0x80000000L)).isEqualTo(2);
    assertThat(segments.networkIdOf(0xFFFFFFFEL)).isEqualTo(2);
    assertThat(segments.networkIdOf(0xFFFFFFFFL)).isEqualTo(3);
    assertThat(segments.startAt(3)).isEqualTo(0xFFFFFFFFL);
  }

  @Test
  void agreesWithALinearScanOnRandomTables() {
    Random random = new Random(11);
    for (int table = 0; table < 50; table++) {
      TreeMap<Long, Integer> expected = new TreeMap<>();
      int size = 1 + random.nextInt(2_000);
      // Crowd some tables into one /16 so that its bucket holds many segments.
      long base = random.nextBoolean() ? 0 : (random.nextInt() & 0xFFFF0000L);
      long spread = base == 0 ? 1L << 32 : 1L << 16;
      while (expected.size() < size) {
        expected.put(base + (long) (random.nextDouble() * spread), random.nextInt(100) - 1);
      }
      long[] starts = expected.keySet().stream().mapToLong(Long::longValue).toArray();
      int[] ids = expected.values().stream().mapToInt(Integer::intValue).toArray();
      Ipv4Segments segments = segments(starts, ids);

      for (int probe = 0; probe < 2_000; probe++) {
        long start = starts[random.nextInt(starts.length)];
        long address =
            switch (random.nextInt(4)) {
              case 0 -> start;
              case 1 -> Math.max(0, start - 1);
              case 2 -> Math.min(0xFFFFFFFFL, start + 1);
              default -> base + (long) (random.nextDouble() * spread);
            };
        var floor = expected.floorEntry(address);
        int want = floor == null ? NetworkTable.NO_NETWORK : floor.getValue();
        assertThat(segments.networkIdOf(address)).as("address %d", address).isEqualTo(want);
      }
    }
  }

  @Test
  void rejectsUnsortedStartsAndMismatchedArrays() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> segments(new long[] {2, 1}, new int[] {0, 0}));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> segments(new long[] {1, 1}, new int[] {0, 0}));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Ipv4Segments(new int[] {1}, new int[] {0, 0}));
  }

  private static Ipv4Segments segments(long[] starts, int[] ids) {
    int[] raw = new int[starts.length];
    for (int i = 0; i < starts.length; i++) {
      raw[i] = (int) starts[i];
    }
    return new Ipv4Segments(raw, ids);
  }
}
