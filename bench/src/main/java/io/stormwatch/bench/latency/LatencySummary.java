package io.stormwatch.bench.latency;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a set of latencies, in milliseconds.
 *
 * <p>Percentiles follow HdrHistogram: the p-th percentile is the smallest recorded value that at
 * least p % of all values are less than or equal to (nearest rank), to three significant digits.
 *
 * @param count values recorded
 * @param p50Ms median
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param maxMs largest value
 */
public record LatencySummary(long count, long p50Ms, long p90Ms, long p99Ms, long maxMs) {

  /** Latencies above this (one hour) are recorded as this. */
  static final long HIGHEST_TRACKABLE_MS = 3_600_000;

  static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

  /**
   * A histogram for latencies in milliseconds, exact below 2,048 ms, 3 significant digits above.
   */
  static Histogram newHistogram() {
    return new Histogram(HIGHEST_TRACKABLE_MS, 3);
  }

  /** Records {@code latencyMs}, clamped to {@code 0..HIGHEST_TRACKABLE_MS}. */
  static void record(Histogram histogram, long latencyMs) {
    histogram.recordValue(Math.max(0, Math.min(latencyMs, HIGHEST_TRACKABLE_MS)));
  }

  /** The summary of {@code histogram}; all zeros when it is empty. */
  public static LatencySummary of(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        histogram.getValueAtPercentile(50),
        histogram.getValueAtPercentile(90),
        histogram.getValueAtPercentile(99),
        histogram.getMaxValue());
  }
}
