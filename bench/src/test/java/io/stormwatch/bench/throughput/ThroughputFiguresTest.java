package io.stormwatch.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThroughputFiguresTest {

  @Test
  void ratesAndCostPerRecordFollowFromTheCounts() {
    ThroughputFigures figures =
        new ThroughputFigures("floor", "d", 2_000_000, 40.0, 80.0, 30.0, 1.5, 5_000_000);

    assertThat(figures.eventsPerSecond()).isEqualTo(50_000);
    assertThat(figures.cpuMicrosPerRecord()).isEqualTo(40.0);
    assertThat(figures.clientCpuMicrosPerRecord()).isEqualTo(15.0);
    assertThat(figures.appendsPerRecord()).isEqualTo(2.5);
  }

  @Test
  void anEmptyPhaseHasNoRate() {
    ThroughputFigures figures = new ThroughputFigures("floor", "d", 0, 0, 0, 0, 0, 0);

    assertThat(figures.eventsPerSecond()).isZero();
    assertThat(figures.cpuMicrosPerRecord()).isNaN();
    assertThat(figures.appendsPerRecord()).isNaN();
  }
}
