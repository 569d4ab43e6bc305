package io.stormwatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesAreNearestRankOverTheRecordedValues() {
    Histogram histogram = LatencySummary.newHistogram();
    for (long ms = 1; ms <= 1_000; ms++) {
      LatencySummary.record(histogram, ms);
    }

    LatencySummary summary = LatencySummary.of(histogram);

    assertThat(summary.count()).isEqualTo(1_000);
    assertThat(summary.p50Ms()).isEqualTo(500);
    assertThat(summary.p90Ms()).isEqualTo(900);
    assertThat(summary.p99Ms()).isEqualTo(990);
    assertThat(summary.maxMs()).isEqualTo(1_000);
  }

  @Test
  void oneSlowRevisionInAHundredIsThePercentileAboveP99() {
    Histogram histogram = LatencySummary.newHistogram();
    for (int i = 0; i < 99; i++) {
      LatencySummary.record(histogram, 100);
    }
    LatencySummary.record(histogram, 5_000);

    LatencySummary summary = LatencySummary.of(histogram);

    assertThat(summary.p99Ms()).isEqualTo(100);
    assertThat(summary.maxMs()).isBetween(4_995L, 5_005L); // three significant digits above 2 s
  }

  @Test
  void clampsNegativeAndHugeLatencies() {
    Histogram histogram = LatencySummary.newHistogram();
    LatencySummary.record(histogram, -3);
    LatencySummary.record(histogram, Long.MAX_VALUE);

    LatencySummary summary = LatencySummary.of(histogram);

    assertThat(summary.p50Ms()).isZero();
    assertThat(summary.maxMs())
        .isGreaterThanOrEqualTo(LatencySummary.HIGHEST_TRACKABLE_MS)
        .isLessThan(LatencySummary.HIGHEST_TRACKABLE_MS * 101 / 100);
  }

  @Test
  void anEmptyHistogramSummarisesToZeros() {
    assertThat(LatencySummary.of(LatencySummary.newHistogram())).isEqualTo(LatencySummary.EMPTY);
  }
}
