package io.stormwatch.ipintel;

/**
 * The IPv4 space cut into segments, each starting at an address and mapping to a network id, or to
 * {@link NetworkTable#NO_NETWORK}, up to the next segment's start.
 *
 * <p>Only segment starts are stored: a gap in the data is a segment of its own, which is cheaper
 * than storing every range's end.
 */
final class Ipv4Segments {

  private static final int PREFIX_BITS = 16;
  private static final int PREFIXES = 1 << PREFIX_BITS;

  // Starts with the sign bit flipped, so that signed comparison gives the unsigned order of the
  // addresses.
  private final int[] biasedStarts;
  private final int[] networkIds;
  // firstSegmentByPrefix[p] is the index of the first segment starting at or after p.0.0.0/16, so a
  // lookup searches only the few segments starting within its /16. A binary search over all
  // segments would take 19 steps of unpredictable branches and cache misses; measured, this is
  // about three times faster.
  private final int[] firstSegmentByPrefix;

  /**
   * Takes ownership of the arrays.
   *
   * @param starts unsigned segment starts, strictly ascending
   * @param networkIds network id of each segment, or {@link NetworkTable#NO_NETWORK}
   * @throws IllegalArgumentException if the arrays differ in length or starts are not ascending
   */
  Ipv4Segments(int[] starts, int[] networkIds) {
    if (starts.length != networkIds.length) {
      throw new IllegalArgumentException(
          starts.length + " IPv4 segment starts but " + networkIds.length + " network ids");
    }
    for (int i = 0; i < starts.length; i++) {
      starts[i] ^= Integer.MIN_VALUE;
      if (i > 0 && starts[i - 1] >= starts[i]) {
        throw new IllegalArgumentException("IPv4 segment starts not ascending at index " + i);
      }
    }
    this.biasedStarts = starts;
    this.networkIds = networkIds;
    this.firstSegmentByPrefix = new int[PREFIXES + 1];
    int segment = 0;
    for (int prefix = 0; prefix <= PREFIXES; prefix++) {
      long prefixStart = (long) prefix << (32 - PREFIX_BITS);
      while (segment < starts.length && startAt(segment) < prefixStart) {
        segment++;
      }
      firstSegmentByPrefix[prefix] = segment;
    }
  }

  /**
   * Returns the network id of {@code address} (unsigned 32-bit), or {@link
   * NetworkTable#NO_NETWORK}.
   */
  int networkIdOf(long address) {
    int prefix = (int) (address >>> (32 - PREFIX_BITS));
    int from = firstSegmentByPrefix[prefix];
    int to = firstSegmentByPrefix[prefix + 1];
    // When no segment in the /16 starts at or before the address, the one before the /16 covers it.
    int index = lastAtOrBefore(biasedStarts, from, to, (int) address ^ Integer.MIN_VALUE);
    return index < 0 ? NetworkTable.NO_NETWORK : networkIds[index];
  }

  // Index of the last element of sorted[from, to) that is <= key, or from - 1 if there is none.
  // Branch-free halving: which half holds the answer is a coin toss the CPU cannot predict, and a
  // conditional move costs less than a mispredicted branch.
  private static int lastAtOrBefore(int[] sorted, int from, int to, int key) {
    if (to == from || sorted[from] > key) {
      return from - 1;
    }
    int base = from;
    int length = to - from;
    while (length > 1) {
      int half = length >>> 1;
      base = sorted[base + half] <= key ? base + half : base;
      length -= half;
    }
    return base;
  }

  int size() {
    return biasedStarts.length;
  }

  /** Returns the start of segment {@code index} as an unsigned value. */
  long startAt(int index) {
    return Integer.toUnsignedLong(biasedStarts[index] ^ Integer.MIN_VALUE);
  }

  int networkIdAt(int index) {
    return networkIds[index];
  }

  /** Returns the approximate heap size of the arrays, in bytes. */
  long arrayBytes() {
    return 4L * biasedStarts.length + 4L * networkIds.length + 4L * firstSegmentByPrefix.length;
  }
}
