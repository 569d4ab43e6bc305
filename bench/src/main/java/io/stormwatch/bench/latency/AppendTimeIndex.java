package io.stormwatch.bench.latency;

import java.util.Arrays;

/**
 * The broker's append time of every record the load generator sent, by record id (a GUID, kept as
 * two longs): about 24 bytes a record instead of the hundred or more a map of strings would take.
 * Open addressing with linear probing; grows when it is two-thirds full. The first append of an id
 * wins. Thread-safe: the producer's I/O thread writes while the phase reads.
 */
final class AppendTimeIndex {

  static final long ABSENT = Long.MIN_VALUE;

  private long[] highs;
  private long[] lows;
  private long[] times;
  private int size;

  AppendTimeIndex(int expectedRecords) {
    int capacity = Integer.highestOneBit(Math.max(16, expectedRecords * 2 - 1)) << 1;
    allocate(capacity);
  }

  synchronized void put(long high, long low, long appendTimeMs) {
    if ((size + 1) * 3L > times.length * 2L) {
      grow();
    }
    int slot = slotOf(high, low);
    if (times[slot] == ABSENT) {
      highs[slot] = high;
      lows[slot] = low;
      times[slot] = appendTimeMs;
      size++;
    }
  }

  /** The append time of the record with this id, or {@link #ABSENT}. */
  synchronized long get(long high, long low) {
    return times[slotOf(high, low)];
  }

  /** The append time of the record whose id is the GUID text {@code guid}, or {@link #ABSENT}. */
  long get(String guid) {
    long[] id = parseGuid(guid);
    return id == null ? ABSENT : get(id[0], id[1]);
  }

  synchronized int size() {
    return size;
  }

  /**
   * Parses {@code 8-4-4-4-12} hexadecimal GUID text into its high and low 64 bits, in the order the
   * digits are written; null if it is not such text.
   */
  static long[] parseGuid(String guid) {
    if (guid == null || guid.length() != 36) {
      return null;
    }
    long high = 0;
    long low = 0;
    int digits = 0;
    for (int i = 0; i < 36; i++) {
      char c = guid.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return null;
        }
        continue;
      }
      int value = Character.digit(c, 16);
      if (value < 0) {
        return null;
      }
      if (digits < 16) {
        high = (high << 4) | value;
      } else {
        low = (low << 4) | value;
      }
      digits++;
    }
    return new long[] {high, low};
  }

  private int slotOf(long high, long low) {
    int mask = times.length - 1;
    int slot = (int) mix(high * 31 + low) & mask;
    while (times[slot] != ABSENT && (highs[slot] != high || lows[slot] != low)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }

  private void grow() {
    long[] oldHighs = highs;
    long[] oldLows = lows;
    long[] oldTimes = times;
    allocate(oldTimes.length * 2);
    size = 0;
    for (int i = 0; i < oldTimes.length; i++) {
      if (oldTimes[i] != ABSENT) {
        int slot = slotOf(oldHighs[i], oldLows[i]);
        highs[slot] = oldHighs[i];
        lows[slot] = oldLows[i];
        times[slot] = oldTimes[i];
        size++;
      }
    }
  }

  private void allocate(int capacity) {
    highs = new long[capacity];
    lows = new long[capacity];
    times = new long[capacity];
    Arrays.fill(times, ABSENT);
  }
}
