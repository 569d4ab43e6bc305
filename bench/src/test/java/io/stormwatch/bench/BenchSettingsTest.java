package io.stormwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

  private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void defaultsDescribeTheDocumentedRun() {
    BenchSettings defaults = BenchSettings.defaults();

    assertThat(defaults.events()).isEqualTo(2_000_000);
    assertThat(defaults.accounts()).isEqualTo(100_000);
    assertThat(defaults.tenants()).isEqualTo(1_000);
    assertThat(defaults.latencyLoad()).isEqualTo(0.5);
    assertThat(defaults.pipelineSettings()).isEmpty();
  }

  @Test
  void countsAccountsInWholeTenants() {
    assertThatThrownBy(() -> settings(20_000, 2_050, 3, 1, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accounts must be a multiple of 100 (whole tenants of 100 users), was 2,050");
  }

  @Test
  void rejectsTooFewEventsToMeasure() {
    assertThatThrownBy(() -> settings(999, 2_000, 3, 1, 0.5))
        .hasMessageStartingWith("events must be between 1,000 and");
  }

  @Test
  void rejectsPartitionsThreadsAndLoadOutOfRange() {
    assertThatThrownBy(() -> settings(20_000, 2_000, 0, 1, 0.5))
        .hasMessage("partitions must be between 1 and 1000, was 0");
    assertThatThrownBy(() -> settings(20_000, 2_000, 3, 65, 0.5))
        .hasMessage("stream threads must be between 1 and 64, was 65");
    assertThatThrownBy(() -> settings(20_000, 2_000, 3, 1, 0))
        .hasMessageStartingWith("latency load must be a share of the measured throughput");
    assertThatThrownBy(() -> settings(20_000, 2_000, 3, 1, 1.5))
        .hasMessageStartingWith("latency load must be a share of the measured throughput");
  }

  @Test
  void rejectsALatencyPhaseTooShortToMeasure() {
    assertThatThrownBy(
            () ->
                new BenchSettings(
                    20_000, 2_000, 3, 1, Duration.ofSeconds(2), 0.5, 42, START, Map.of()))
        .hasMessage("latency duration must be between 5 s and 3600 s, was PT2S");
  }

  @Test
  void simulatesTheLastWorkingMorningBeforeToday() {
    LocalDate wednesday = LocalDate.parse("2026-11-25");
    LocalDate monday = LocalDate.parse("2026-11-23");
    LocalDate sunday = LocalDate.parse("2026-11-29");

    assertThat(BenchSettings.simulationStartBefore(wednesday))
        .isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(BenchSettings.simulationStartBefore(monday))
        .isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
    assertThat(BenchSettings.simulationStartBefore(sunday))
        .isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
  }

  private static BenchSettings settings(
      long events, int accounts, int partitions, int threads, double load) {
    return new BenchSettings(
        events, accounts, partitions, threads, Duration.ofSeconds(60), load, 42, START, Map.of());
  }
}
