package io.stormwatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import io.stormwatch.cli.options.SimulationOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void startsTheSimulationOnThePreviousWorkingDay() {
    LocalDate wednesday = LocalDate.parse("2026-11-25");
    LocalDate monday = LocalDate.parse("2026-11-23");
    LocalDate sunday = LocalDate.parse("2026-11-29");

    assertThat(SimulationOptions.defaultStart(wednesday))
        .isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
    assertThat(SimulationOptions.defaultStart(monday))
        .isEqualTo(Instant.parse("2026-11-20T06:00:00Z"));
    assertThat(SimulationOptions.defaultStart(sunday))
        .isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
  }

  @Test
  void aSimulationTooLongToEndBeforeNowStartsOnAnEarlierWorkingDay() {
    Instant wednesdayEvening = Instant.parse("2026-11-25T20:00:00Z");

    assertThat(SimulationOptions.defaultStart(wednesdayEvening, Duration.ofHours(8)))
        .isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
    // 120 h from Tuesday 06:00 would end on Sunday, from Monday on Saturday: from Friday the 20th
    // they end on Wednesday at 06:00
    assertThat(SimulationOptions.defaultStart(wednesdayEvening, Duration.ofHours(120)))
        .isEqualTo(Instant.parse("2026-11-20T06:00:00Z"));
  }

  @Test
  void aSimulatedWindowWithNoRoomForAttacksIsAUsageErrorBeforeAnythingStarts() {
    // Three hours of a Sunday morning: simulated users work Monday to Friday, so no attack fits.
    // The demo used to run it and end with "Detected 0 of 0 injected attacks", exit code 0.
    CommandRun run =
        CommandRun.of(
            new DemoCommand(),
            "--start=2026-11-29T06:00:00Z",
            "--hours=3",
            "--tenants=2",
            "--users-per-tenant=20");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--start 2026-11-29T06:00:00Z (a Sunday)", "--hours 3", "weekday --start");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBadSettingIsAUsageErrorNamingTheKeyBeforeAnythingStarts() {
    CommandRun run = CommandRun.of(new DemoCommand(), "--set", "rule.mail-burst.floor.items=-5");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("rule.mail-burst.floor.items");
    assertThat(run.out()).isEmpty();
  }
}
