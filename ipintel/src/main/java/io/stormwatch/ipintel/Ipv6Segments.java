package io.stormwatch.ipintel;

/**
 * The IPv6 space cut into segments, each starting at an address and mapping to a network id, or to
 * {@link NetworkTable#NO_NETWORK}, up to the next segment's start.
 */
final class Ipv6Segments {

  private static final int BLOCK_SIZE = 64;

  // First 64 bits of each start with the sign bit flipped, so that signed comparison gives the
  // unsigned order.
  private final long[] biasedHighs;
  private final long[] lows;
  private final int[] networkIds;
  // The biased high of the first start of each block of BLOCK_SIZE segments. IPv6 allocations
  // crowd into a few prefixes, so an index by prefix as for IPv4 would not help; searching this
  // small array first (it stays in cache), then one block, halved the measured lookup time of a
  // binary search over everything.
  private final long[] blockFirstHighs;

  /**
   * Takes ownership of the arrays.
   *
   * @param startHighs first 64 bits of each segment start
   * @param startLows last 64 bits of each segment start; starts strictly ascending
   * @param networkIds network id of each segment, or {@link NetworkTable#NO_NETWORK}
   * @throws IllegalArgumentException if the arrays differ in length or starts are not ascending
   */
  Ipv6Segments(long[] startHighs, long[] startLows, int[] networkIds) {
    if (startHighs.length != startLows.length || startHighs.length != networkIds.length) {
      throw new IllegalArgumentException(
          "IPv6 segment arrays differ in length: "
              + startHighs.length
              + ", "
              + startLows.length
              + ", "
              + networkIds.length);
    }
    for (int i = 0; i < startHighs.length; i++) {
      startHighs[i] ^= Long.MIN_VALUE;
      if (i > 0
          && (startHighs[i - 1] > startHighs[i]
              || (startHighs[i - 1] == startHighs[i]
                  && Long.compareUnsigned(startLows[i - 1], startLows[i]) >= 0))) {
        throw new IllegalArgumentException("IPv6 segment starts not ascending at index " + i);
      }
    }
    this.biasedHighs = startHighs;
    this.lows = startLows;
    this.networkIds = networkIds;
    this.blockFirstHighs = new long[(startHighs.length + BLOCK_SIZE - 1) / BLOCK_SIZE];
    for (int block = 0; block < blockFirstHighs.length; block++) {
      blockFirstHighs[block] = startHighs[block * BLOCK_SIZE];
    }
  }

  /** Returns the network id of the address, or {@link NetworkTable#NO_NETWORK}. */
  int networkIdOf(long high, long low) {
    long key = high ^ Long.MIN_VALUE;
    int block = lastAtOrBefore(blockFirstHighs, 0, blockFirstHighs.length, key);
    if (block < 0) {
      return NetworkTable.NO_NETWORK;
    }
    int from = block * BLOCK_SIZE;
    int index = lastAtOrBefore(biasedHighs, from, Math.min(from + BLOCK_SIZE, lows.length), key);
    // Starts differing only in their last 64 bits are rare (single addresses, odd-sized ranges):
    // step back over those beyond the address.
    while (index >= 0 && biasedHighs[index] == key && Long.compareUnsigned(lows[index], low) > 0) {
      index--;
    }
    return index < 0 ? NetworkTable.NO_NETWORK : networkIds[index];
  }

  // Index of the last element of sorted[from, to) that is <= key, or from - 1 if there is none.
  // Branch-free halving, as in Ipv4Segments.
  private static int lastAtOrBefore(long[] sorted, int from, int to, long key) {
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
    return biasedHighs.length;
  }

  long startHighAt(int index) {
    return biasedHighs[index] ^ Long.MIN_VALUE;
  }

  long startLowAt(int index) {
    return lows[index];
  }

  int networkIdAt(int index) {
    return networkIds[index];
  }

  /** Returns the approximate heap size of the arrays, in bytes. */
  long arrayBytes() {
    return 8L * biasedHighs.length
        + 8L * lows.length
        + 4L * networkIds.length
        + 8L * blockFirstHighs.length;
  }
}
