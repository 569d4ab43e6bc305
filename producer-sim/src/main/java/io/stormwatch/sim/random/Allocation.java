package io.stormwatch.sim.random;

import java.util.SplittableRandom;

/**
 * Splits a total into parts that each stay within bounds, drawn one part at a time so that a
 * generator can emit records as it goes instead of holding the whole split in memory.
 */
public final class Allocation {

  private final SplittableRandom rng;
  private final int min;
  private final int max;
  private int partsLeft;
  private int remaining;

  /**
   * @throws IllegalArgumentException if the total cannot be split into {@code parts} within bounds
   */
  public Allocation(SplittableRandom rng, int total, int parts, int min, int max) {
    if (parts < 1
        || min < 0
        || min > max
        || total < (long) parts * min
        || total > (long) parts * max) {
      throw new IllegalArgumentException(
          "cannot split " + total + " into " + parts + " parts of " + min + ".." + max);
    }
    this.rng = rng;
    this.min = min;
    this.max = max;
    this.partsLeft = parts;
    this.remaining = total;
  }

  /** Parts of {@code [min, max]} needed for {@code total} with parts averaging {@code mean}. */
  public static int partsFor(int total, double mean, int min, int max) {
    int parts = (int) Math.ceil(total / mean);
    parts = Math.max(parts, (total + max - 1) / max);
    if (min > 0) {
      parts = Math.min(parts, total / min);
    }
    return Math.max(parts, 1);
  }

  public boolean hasNext() {
    return partsLeft > 0;
  }

  /** The next part; the last part takes whatever keeps the sum exact. */
  public int next() {
    if (partsLeft == 0) {
      throw new IllegalStateException("all parts drawn");
    }
    int othersLeft = --partsLeft;
    int low = Math.max(min, remaining - othersLeft * max);
    int high = Math.min(max, remaining - othersLeft * min);
    // Centre each draw on the running average so early parts do not starve or flood late ones.
    double average = (double) remaining / (othersLeft + 1);
    int wanted = (int) Math.round(average * (0.5 + rng.nextDouble()));
    int part = othersLeft == 0 ? remaining : Math.max(low, Math.min(high, wanted));
    remaining -= part;
    return part;
  }
}
