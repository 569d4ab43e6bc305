package io.stormwatch.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputFiguresTest {

  @Test
  void ratesAndCostPerRecordFollowFromTheCounts() {
    ThroughputFigures figures =
        new ThroughputFigures(
            "floor",
            "d",
            2_000_000,
            40.0,
            80.0,
            30.0,
            1.5,
            Map.of("floor-repartition", 2_000_000L, "floor-count-changelog", 3_000_000L));

    assertThat(figures.eventsPerSecond()).isEqualTo(50_000);
    assertThat(figures.cpuMicrosPerRecord()).isEqualTo(40.0);
    assertThat(figures.clientCpuMicrosPerRecord()).isEqualTo(15.0);
    assertThat(figures.appendsPerRecord()).isEqualTo(2.5);
    assertThat(figures.appendsPerRecord("floor-count-changelog")).isEqualTo(1.5);
    assertThat(figures.appendsPerRecord("audit.events")).isZero();
  }

  @Test
  void anEmptyPhaseHasNoRate() {
    ThroughputFigures figures = new ThroughputFigures("floor", "d", 0, 0, 0, 0, 0, Map.of());

    assertThat(figures.eventsPerSecond()).isZero();
    assertThat(figures.cpuMicrosPerRecord()).isNaN();
    assertThat(figures.appendsPerRecord()).isNaN();
  }
}
