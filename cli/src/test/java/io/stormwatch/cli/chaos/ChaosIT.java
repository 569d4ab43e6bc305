package io.stormwatch.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.sim.SimulationSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detector processes killed with {@code kill -9} at random points of their progress and restarted,
 * a broker restart, and a group that grows from two instances to three and shrinks again, by a
 * graceful stop and by a kill: a read_committed consumer of the alerts topic then reads exactly the
 * alerts of an uninterrupted run of the same recording.
 */
class ChaosIT {

  /** A Tuesday: a working day of the simulated tenants. */
  private static final SimulationSettings SIMULATION =
      SimulationSettings.builder(Instant.parse("2026-03-03T06:00:00Z"))
          .seed(42)
          .tenants(3)
          .usersPerTenant(20)
          .duration(Duration.ofHours(8))
          .build();

  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(4);

  @TempDir static Path dir;

  private static ChaosReference reference;

  @BeforeAll
  static void backtestTheRecordingWithoutInterruption() throws Exception {
    reference = ChaosReference.prepare(SIMULATION, Map.of(), dir, STEP_TIMEOUT);
    report().reference(reference);

    assertThat(reference.attacks()).isPositive();
    assertThat(reference.backtest().alerts()).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void tenKillsAndABrokerRestartLoseAndDuplicateNoAlert() throws Exception {
    ChaosResult result =
        run("crash", ChaosPlan.crash(20_261_203L, 1, 10, true), Map.of(), Duration.ofSeconds(20));

    assertThat(result.faults()).hasSize(11);
    assertThat(result.faults())
        .filteredOn(f -> f.fault().kind() == Fault.Kind.KILL_AND_RESTART)
        .hasSize(10)
        // A kill that lands once its process has committed everything has nothing to recover.
        .filteredOn(f -> f.recovery().isPresent())
        .hasSizeGreaterThanOrEqualTo(8);
    assertExactlyTheReference(result);
  }

  @Test
  void twoThenThreeInstancesWithOneStoppedAndOneKilledRaiseTheAlertsOfOne() throws Exception {
    ChaosResult result =
        run(
            "scale-out",
            ChaosPlan.scaleOut(20_261_204L, 0, false),
            Map.of(StormwatchConfig.STANDBY_REPLICAS, "1"),
            Duration.ofSeconds(60));

    assertThat(result.plan().instancesStarted()).isEqualTo(3);
    assertThat(result.faults())
        .extracting(f -> f.fault().kind())
        .containsExactly(Fault.Kind.JOIN, Fault.Kind.STOP, Fault.Kind.KILL);
    // The instances removed had work: the others took it over.
    assertThat(result.recoveries(Fault.Kind.STOP)).hasSize(1);
    assertThat(result.recoveries(Fault.Kind.KILL)).hasSize(1);
    assertExactlyTheReference(result);
  }

  private static void assertExactlyTheReference(ChaosResult result) {
    AlertComparison alerts = result.alerts();
    assertThat(alerts.lost()).as("lost alerts").isEmpty();
    assertThat(alerts.extra()).as("extra alerts").isEmpty();
    assertThat(alerts.differing()).as("alerts whose latest revision differs").isEmpty();
    assertThat(alerts.duplicatedRevisions()).as("duplicated revisions").isZero();
    assertThat(alerts.missingRevisions()).as("missing revisions").isZero();
    assertThat(alerts.got()).isEqualTo(reference.backtest().alerts().size());
    assertThat(result.eventsGot()).as("audit.events").isEqualTo(result.eventsExpected());
    assertThat(result.passed()).isTrue();
  }

  private static ChaosResult run(
      String name, ChaosPlan plan, Map<String, String> instanceSettings, Duration pace)
      throws Exception {
    ChaosSettings settings =
        new ChaosSettings(
            plan,
            instanceSettings,
            pace,
            true,
            Duration.ofSeconds(10),
            System.getProperty("java.class.path"),
            ChaosSettings.DEFAULT_INSTANCE_JAVA_OPTIONS,
            STEP_TIMEOUT,
            Files.createDirectories(dir.resolve(name)));
    ChaosReport report = report();
    report.plan(settings);
    ChaosResult result = new ChaosRun(settings, report).run(reference);
    report.result(result);
    return result;
  }

  private static ChaosReport report() {
    return new ChaosReport(new PrintWriter(System.out, true));
  }
}
