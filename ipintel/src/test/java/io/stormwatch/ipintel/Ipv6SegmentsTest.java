package io.stormwatch.ipintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class Ipv6SegmentsTest {

  @Test
  void findsNothingBeforeTheFirstSegment() {
    Ipv6Segments segments =
        new Ipv6Segments(new long[] {0x2001L << 48}, new long[] {0}, new int[] {4});

    assertThat(segments.networkIdOf(0, 0)).isEqualTo(NetworkTable.NO_NETWORK);
    assertThat(segments.networkIdOf((0x2001L << 48) - 1, -1L)).isEqualTo(NetworkTable.NO_NETWORK);
    assertThat(segments.networkIdOf(0x2001L << 48, 0)).isEqualTo(4);
    assertThat(segments.networkIdOf(-1L, -1L)).isEqualTo(4);
  }

  @Test
  void tellsApartStartsThatDifferOnlyInTheirLastSixtyFourBits() {
    long high = 0x2001_0500_30ffL << 16;
    Ipv6Segments segments =
        new Ipv6Segments(
            new long[] {high, high, high, high + 1},
            new long[] {0, 0x30, 0x31, 0},
            new int[] {NetworkTable.NO_NETWORK, 9, NetworkTable.NO_NETWORK, 5});

    assertThat(segments.networkIdOf(high, 0x2F)).isEqualTo(NetworkTable.NO_NETWORK);
    assertThat(segments.networkIdOf(high, 0x30)).isEqualTo(9);
    assertThat(segments.networkIdOf(high, 0x31)).isEqualTo(NetworkTable.NO_NETWORK);
    assertThat(segments.networkIdOf(high, -1L)).isEqualTo(NetworkTable.NO_NETWORK);
    assertThat(segments.networkIdOf(high + 1, 0)).isEqualTo(5);
  }

  @Test
  void agreesWithALinearScanOnRandomTables() {
    Random random = new Random(13);
    for (int table = 0; table < 50; table++) {
      TreeMap<BigInteger, Integer> expected = new TreeMap<>();
      int size = 1 + random.nextInt(1_000);
      while (expected.size() < size) {
        long high = random.nextInt(4) == 0 ? random.nextLong() : 0x2A00L << 48 | random.nextInt(64);
        // Mostly whole /64s, as in the real data, sometimes a start inside one.
        long low = random.nextInt(8) == 0 ? random.nextLong() : 0;
        expected.put(address(high, low), random.nextInt(100) - 1);
      }
      int n = expected.size();
      long[] highs = new long[n];
      long[] lows = new long[n];
      int[] ids = new int[n];
      int i = 0;
      for (var entry : expected.entrySet()) {
        highs[i] = entry.getKey().shiftRight(64).longValue();
        lows[i] = entry.getKey().longValue();
        ids[i++] = entry.getValue();
      }
      Ipv6Segments segments = new Ipv6Segments(highs.clone(), lows.clone(), ids);

      for (int probe = 0; probe < 2_000; probe++) {
        int pick = random.nextInt(n);
        BigInteger start = address(highs[pick], lows[pick]);
        BigInteger probeAddress =
            switch (random.nextInt(4)) {
              case 0 -> start;
              case 1 -> start.subtract(BigInteger.ONE).max(BigInteger.ZERO);
              case 2 -> start.add(BigInteger.ONE);
              default -> address(highs[pick], random.nextLong());
            };
        var floor = expected.floorEntry(probeAddress);
        int want = floor == null ? NetworkTable.NO_NETWORK : floor.getValue();
        assertThat(
                segments.networkIdOf(
                    probeAddress.shiftRight(64).longValue(), probeAddress.longValue()))
            .as("address %s", probeAddress.toString(16))
            .isEqualTo(want);
      }
    }
  }

  @Test
  void rejectsUnsortedStartsAndMismatchedArrays() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Ipv6Segments(new long[] {1, 1}, new long[] {5, 5}, new int[] {0, 0}));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new Ipv6Segments(new long[] {-1, 1}, new long[] {0, 0}, new int[] {0, 0}));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Ipv6Segments(new long[] {1}, new long[] {0, 0}, new int[] {0}));
  }

  private static BigInteger address(long high, long low) {
    return new BigInteger(Long.toUnsignedString(high))
        .shiftLeft(64)
        .or(new BigInteger(Long.toUnsignedString(low)));
  }
}
