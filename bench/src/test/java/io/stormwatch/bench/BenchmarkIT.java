package io.stormwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.bench.report.BenchReport;
import io.stormwatch.bench.report.ReportTable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tiny benchmark run on a real embedded broker completes and reports every phase. It checks that
 * the harness works, not how fast anything is: figures from a run this small mean nothing.
 */
class BenchmarkIT {

  @Test
  void aTinyRunCompletesAndPrintsEveryRow() throws Exception {
    BenchSettings settings =
        new BenchSettings(
            5_000,
            500,
            2,
            1,
            Duration.ofSeconds(5),
            0.5,
            42,
            BenchSettings.simulationStartBefore(LocalDate.now(ZoneOffset.UTC)),
            Map.of());

    BenchReport report = new Benchmark(settings, ProgressListener.NONE).run();
    String table = ReportTable.format(report);

    assertThat(report.input().loaded().records()).isEqualTo(5_000);
    assertThat(report.rawRead().records()).isEqualTo(5_000);
    assertThat(report.floor().eventsPerSecond()).isPositive();
    assertThat(report.stormwatch().eventsPerSecond()).isPositive();
    // Each record costs the floor its repartition copy, the pipeline its audit.events copy.
    assertThat(report.rawRead().appendedRecords()).isZero();
    assertThat(report.floor().appendsPerRecord()).isGreaterThanOrEqualTo(1.0);
    assertThat(report.stormwatch().appendsPerRecord()).isGreaterThanOrEqualTo(1.0);
    assertThat(report.stormwatch().appendedByTopic()).containsKey("audit.events");
    assertThat(report.alertsOnly().eventsPerSecond()).isPositive();
    assertThat(report.alertsOnly().appendedByTopic()).doesNotContainKey("audit.events");
    assertThat(report.latency().records()).isPositive();
    assertThat(report.memory()).hasSize(2);
    assertThat(table)
        .contains("machine ", "input ", "raw read ", "floor ", "stormwatch ")
        .contains("stormwatch / floor", "alerts-only / floor", "stormwatch / raw")
        .contains("to the alert's append", "to readable")
        .contains("after the stormwatch phase", "end of run");
  }
}
