package io.stormwatch.sim.behaviour;

import io.stormwatch.sim.random.Allocation;
import io.stormwatch.sim.world.ReadingBand;
import java.util.SplittableRandom;

/**
 * The benign Bind records of one active period, drawn lazily clock hour by clock hour.
 *
 * <p>Each UTC clock hour the user reads a number of items near their usual rate (±15 %, never
 * outside their band), pro rata for partial hours. The items are split into records of 1–10
 * (Exchange aggregates binds) and the records are spread over the hour with one record per equal
 * stratum, so the schedule needs constant memory however long the period is.
 */
final class HourlyReadSchedule {

  static final int MIN_ITEMS_PER_RECORD = 1;
  static final int MAX_ITEMS_PER_RECORD = 10;
  private static final double MEAN_ITEMS_PER_RECORD = 5.5;
  private static final double RATE_JITTER = 0.15;

  private final SplittableRandom rng;
  private final long endSecond;
  private final int minPerHour;
  private final int maxPerHour;
  private final int usualPerHour;

  private long nextSegmentStart;
  private long segmentStart;
  private long segmentLength;
  private int records;
  private int drawn;
  private Allocation items;
  private long nextSecond = -1;

  /**
   * @param startSecond epoch second of the first possible read
   * @param endSecond epoch second the period ends, exclusive
   */
  HourlyReadSchedule(
      SplittableRandom rng, long startSecond, long endSecond, ReadingBand band, int usualPerHour) {
    this.rng = rng;
    this.endSecond = endSecond;
    this.minPerHour = band.minItemsPerHour();
    this.maxPerHour = band.maxItemsPerHour();
    this.usualPerHour = usualPerHour;
    this.nextSegmentStart = startSecond;
    advance();
  }

  boolean hasNext() {
    return nextSecond >= 0;
  }

  /** Epoch second of the next record. */
  long peekSecond() {
    return nextSecond;
  }

  /** Items of the next record; moves on to the record after it. */
  int next() {
    int count = items.next();
    drawn++;
    advance();
    return count;
  }

  private void advance() {
    while (items == null || drawn == records) {
      if (nextSegmentStart >= endSecond) {
        nextSecond = -1;
        return;
      }
      openSegment();
    }
    long strataStart = segmentStart + drawn * segmentLength / records;
    long strataEnd = segmentStart + (drawn + 1) * segmentLength / records;
    nextSecond =
        strataStart + (strataEnd > strataStart ? rng.nextLong(strataEnd - strataStart) : 0);
  }

  private void openSegment() {
    long hourEnd = (nextSegmentStart / 3600 + 1) * 3600;
    segmentStart = nextSegmentStart;
    long segmentEnd = Math.min(hourEnd, endSecond);
    segmentLength = segmentEnd - segmentStart;
    nextSegmentStart = segmentEnd;

    double low = Math.max(minPerHour, usualPerHour * (1 - RATE_JITTER));
    double high = Math.min(maxPerHour, usualPerHour * (1 + RATE_JITTER));
    double hourRate = low + rng.nextDouble() * (high - low);
    int total = (int) Math.round(hourRate * segmentLength / 3600.0);
    drawn = 0;
    if (total == 0) {
      records = 0;
      items = null;
      return;
    }
    records =
        Allocation.partsFor(
            total, MEAN_ITEMS_PER_RECORD, MIN_ITEMS_PER_RECORD, MAX_ITEMS_PER_RECORD);
    items = new Allocation(rng, total, records, MIN_ITEMS_PER_RECORD, MAX_ITEMS_PER_RECORD);
  }
}
