package io.stormwatch.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.cli.CommandRun;
import io.stormwatch.cli.demo.DemoCommand;
import io.stormwatch.cli.options.SimulationOptions;
import io.stormwatch.cli.pipeline.EmbeddedPipeline;
import io.stormwatch.cli.replay.ReplayCommand;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.traffic.export.SignInLayout;
import io.stormwatch.traffic.export.SimulationExporter;
import io.stormwatch.traffic.export.UalLayout;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulation written in Microsoft's file layouts and backtested raises the alerts {@code
 * stormwatch demo} raises for the same seed and start, and the alert output is a function of the
 * recording alone: every layout, a second backtest, and a replay at a paced speed into a running
 * detector write the same bytes.
 */
class SimulatedRecordingBacktestIT {

  /**
   * The demo's own default: a weekday (simulated users work Monday to Friday; a weekend window
   * holds no attacks), recent enough for the demo's 180-day retention to keep the records.
   */
  private static final Instant START =
      SimulationOptions.defaultStart(LocalDate.now(ZoneOffset.UTC));

  private static final SimulationSettings SETTINGS =
      SimulationSettings.builder(START)
          .seed(42)
          .tenants(2)
          .usersPerTenant(20)
          .duration(Duration.ofHours(3))
          .build();

  @TempDir static Path dir;

  private static Set<String> demoAlertIds;
  private static Path recording;
  private static String backtestAlerts;

  @BeforeAll
  static void runTheDemoAndBacktestItsSimulation() throws Exception {
    Path demoSummary = dir.resolve("demo-summary.json");
    CommandRun demo =
        CommandRun.of(
            new DemoCommand(),
            "--seed=42",
            "--tenants=2",
            "--users-per-tenant=20",
            "--hours=3",
            "--start=" + START,
            "--quiet",
            "--summary-json=" + demoSummary);
    assertThat(demo.exitCode()).as(demo.toString()).isZero();
    demoAlertIds = alertIds(new ObjectMapper().readTree(demoSummary.toFile()));

    recording = simulate("reference", UalLayout.JSONL, SignInLayout.EVENTHUB);
    Path alerts = dir.resolve("reference.alerts.jsonl");
    CommandRun backtest = backtest(recording, alerts);
    assertThat(backtest.exitCode()).as(backtest.toString()).isZero();
    backtestAlerts = Files.readString(alerts);

    assertThat(demoAlertIds).hasSizeGreaterThanOrEqualTo(3);
    assertThat(alertIds(backtestAlerts)).isEqualTo(demoAlertIds);
  }

  @ParameterizedTest(name = "UAL as {0}, sign-ins as {1}")
  @CsvSource({"jsonl, jsonl", "content-blob, graph", "purview-csv, log-analytics"})
  void everyLayoutRaisesTheSameAlerts(String ual, String signIns) throws Exception {
    Path logs = simulate(ual + "-" + signIns, UalLayout.parse(ual), SignInLayout.parse(signIns));
    Path alerts = dir.resolve(ual + "-" + signIns + ".alerts.jsonl");

    CommandRun run = backtest(logs, alerts);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("accounted for            yes");
    assertThat(Files.readString(alerts)).isEqualTo(backtestAlerts);
  }

  @Test
  void backtestingTheSameRecordingAgainWritesTheSameBytes() throws Exception {
    Path again = dir.resolve("again.alerts.jsonl");

    assertThat(backtest(recording, again).exitCode()).isZero();

    assertThat(Files.readString(again)).isEqualTo(backtestAlerts);
  }

  @Test
  void replayingAtAPacedSpeedIntoARunningDetectorRaisesTheSameAlerts() throws Exception {
    Map<String, String> settings =
        Map.of(
            StormwatchConfig.APPLICATION_ID,
            "paced-replay-it",
            StormwatchConfig.TOPIC_RETENTION,
            Backtest.RETENTION);
    try (EmbeddedPipeline pipeline =
        EmbeddedPipeline.start(settings, IpIntelligence.loadBundled(), alert -> {})) {
      // Three hours of event time at 3600x: about three seconds.
      CommandRun replay =
          CommandRun.of(
              new ReplayCommand(),
              recording.toString(),
              "--speed=3600x",
              "--bootstrap-servers=" + pipeline.bootstrapServers());
      assertThat(replay.exitCode()).as(replay.toString()).isZero();
      pipeline.awaitDrained(Duration.ofMinutes(5), lag -> {});

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new AlertJsonLines()
          .write(AlertJsonLines.latestSorted(pipeline.alerts().latestRevisions()), out);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(backtestAlerts);
    }
  }

  private static Path simulate(String name, UalLayout ual, SignInLayout signIns) throws Exception {
    Path out = dir.resolve(name);
    new SimulationExporter(ual, signIns, dir).export(new TenantSimulator(SETTINGS), out);
    return out.resolve(SimulationExporter.LOGS_DIRECTORY);
  }

  private static CommandRun backtest(Path logs, Path alerts) {
    return CommandRun.of(new BacktestCommand(), logs.toString(), "--out=" + alerts, "--quiet");
  }

  /** The alert ids of the demo's scoreboard: those matching attacks and those matching none. */
  private static Set<String> alertIds(JsonNode demoSummary) {
    Set<String> ids = new TreeSet<>();
    demoSummary
        .path("attacks")
        .forEach(a -> a.path("alertIds").forEach(id -> ids.add(id.asText())));
    demoSummary.path("unmatchedAlerts").forEach(a -> ids.add(a.path("alertId").asText()));
    return ids;
  }

  private static Set<String> alertIds(String alertLines) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new TreeSet<>();
    for (String line : alertLines.lines().toList()) {
      ids.add(json.readTree(line).path("alertId").asText());
    }
    return ids;
  }
}
