package io.stormwatch.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stormwatch.cli.console.AlertLine;
import io.stormwatch.cli.console.ProgressBar;
import io.stormwatch.cli.options.DetectorSettingOptions;
import io.stormwatch.cli.options.SimulationOptions;
import io.stormwatch.cli.pipeline.DetectorPacing;
import io.stormwatch.cli.pipeline.EmbeddedPipeline;
import io.stormwatch.cli.scoring.ScenarioOutcome;
import io.stormwatch.cli.scoring.ScoreReport;
import io.stormwatch.cli.scoring.Scorer;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.SimulationStats;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.sim.truth.GroundTruth;
import io.stormwatch.traffic.publish.EventTimeLockstep;
import io.stormwatch.traffic.publish.RawTopicNames;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stormwatch demo}: the whole pipeline on an embedded broker with simulated tenants. */
@Command(
    name = "demo",
    description = {
      "Starts a real single-node Kafka broker (KRaft) inside this process, creates the topics, runs",
      "the detector with exactly-once, publishes a few simulated hours of several tenants' audit",
      "logs (with labelled attacks) at full speed, prints alerts as they arrive and ends with a",
      "scoreboard. Cleans up everything it started."
    },
    mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SimulationOptions simulation;

  @Option(
      names = "--summary-json",
      paramLabel = "FILE",
      description = "Also write the scoreboard as JSON to FILE.")
  Path summaryJson;

  @Option(names = "--quiet", description = "Do not print alerts as they arrive.")
  boolean quiet;

  @Mixin DetectorSettingOptions settings;

  @Override
  public Integer call() throws Exception {
    Map<String, String> pipelineSettings = settings.checkedUnder("stormwatch-demo");
    PrintStream out = System.out;
    SimulationSettings settings = simulation.settings();
    TenantSimulator simulator = new TenantSimulator(settings);
    GroundTruth truth = simulator.groundTruth();
    simulation.requireRoomForAttacks(truth);
    out.printf(Locale.ROOT, "Stormwatch demo: %s%n", simulation.describe());
    SimulationOptions.unplacedAttackLines(truth).forEach(line -> out.println("  " + line));
    out.println();

    long t = System.nanoTime();
    IpIntelligence ipIntelligence = IpIntelligence.loadBundled();
    out.printf(
        Locale.ROOT,
        "  IP database  loaded in %s (%s)%n",
        seconds(since(t)),
        ipIntelligence.dataVersion());

    long expectedRecords = new TenantSimulator(settings).run(r -> {}).records();

    try (EmbeddedPipeline pipeline =
        EmbeddedPipeline.start(pipelineSettings, ipIntelligence, alert -> printAlert(out, alert))) {
      Runtime.getRuntime().addShutdownHook(closeOnInterrupt(pipeline));
      var topics = pipeline.config().topics();
      out.printf(
          Locale.ROOT,
          "  Kafka        single KRaft broker at %s, started in %s%n",
          pipeline.bootstrapServers(),
          seconds(pipeline.brokerStartup()));
      out.printf(
          Locale.ROOT,
          "  Detector     running with exactly-once v2 in %s; topics %s -> %s%n%n",
          seconds(pipeline.detectorStartup()),
          topics.ualRaw() + ", " + topics.signInRaw(),
          topics.alerts());
      out.println("Alerts as they arrive:");

      long started = System.nanoTime();
      ProgressBar publishing = ProgressBar.onStderr("publishing", expectedRecords, "rec");
      SimulationStats stats;
      try (RawTopicPublisher publisher =
          RawTopicPublisher.connect(
              pipeline.bootstrapServers(),
              new RawTopicNames(topics.ualRaw(), topics.signInRaw()),
              Map.of(),
              publishing::update,
              1000)) {
        DetectorPacing pacing = pipeline.pacing(publisher::sent);
        stats =
            simulator.run(
                new EventTimeLockstep<>(
                    publisher::send,
                    () -> {
                      publisher.flush();
                      pacing.run();
                    },
                    SimulatedRecord::eventTime,
                    EventTimeLockstep.DEFAULT_STEP));
        publisher.flush();
      }
      publishing.finish();
      ProgressBar draining = ProgressBar.onStderr("processing", stats.records(), "rec");
      pipeline.awaitDrained(
          Duration.ofMinutes(5), lag -> draining.update(Math.max(0, stats.records() - lag)));
      draining.finish();
      Duration processing = since(started);

      List<Alert> revisions = pipeline.alerts().allRevisions();
      ScoreReport score = Scorer.score(revisions, truth.attacks());
      DemoSummary summary =
          summarise(
              settings,
              stats,
              pipeline,
              processing,
              pipeline.alerts().latestRevisions(),
              revisions.size(),
              score);
      new ScoreboardPrinter(out).print(summary);
      if (summaryJson != null) {
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(summaryJson.toFile(), summary);
        out.println("Scoreboard written to " + summaryJson);
      }
    }
    out.println("Broker stopped, state deleted.");
    return 0;
  }

  private DemoSummary summarise(
      SimulationSettings settings,
      SimulationStats stats,
      EmbeddedPipeline pipeline,
      Duration processing,
      List<Alert> latest,
      int revisions,
      ScoreReport score) {
    var topics = pipeline.config().topics();
    double secondsTaken = processing.toNanos() / 1e9;
    List<DemoSummary.AttackLine> attacks =
        score.scenarios().stream().map(DemoCommand::attackLine).toList();
    long detected = attacks.stream().filter(DemoSummary.AttackLine::detected).count();
    List<DemoSummary.UnmatchedAlert> unmatched =
        score.unmatchedAlerts().stream()
            .map(
                a ->
                    new DemoSummary.UnmatchedAlert(
                        a.getAlertId(), a.getRuleId(), a.getAccountId(), a.getSummary()))
            .toList();
    return new DemoSummary(
        settings.seed(),
        settings.start().toString(),
        settings.duration().toHours(),
        settings.tenants(),
        settings.usersPerTenant(),
        stats.records(),
        stats.ualRecords(),
        stats.signInRecords(),
        pipeline.count(topics.events()),
        pipeline.count(topics.deadLetters()),
        pipeline.count(topics.late()),
        Math.round(secondsTaken * 100) / 100.0,
        Math.round(stats.records() / secondsTaken),
        latest.size(),
        revisions,
        alertsByRule(latest),
        attacks.size(),
        detected,
        attacks.size() - detected,
        unmatched,
        attacks);
  }

  /** An injected attack counts as detected when any alert is about it, whatever its rule. */
  private static DemoSummary.AttackLine attackLine(ScenarioOutcome outcome) {
    var attack = outcome.scenario();
    return new DemoSummary.AttackLine(
        attack.id(),
        attack.type().id(),
        String.join(", ", attack.accounts()),
        outcome.alerted(),
        outcome.alerts().stream().map(Alert::getAlertId).toList(),
        List.copyOf(outcome.fired().keySet()));
  }

  /** Alerts per rule id, sorted by rule. */
  private static Map<String, Long> alertsByRule(List<Alert> alerts) {
    Map<String, Long> byRule = new TreeMap<>();
    alerts.forEach(a -> byRule.merge(a.getRuleId(), 1L, Long::sum));
    return byRule;
  }

  private void printAlert(PrintStream out, Alert alert) {
    if (!quiet) {
      if (System.console() != null) {
        System.err.print("\r\u001b[K"); // clear a progress bar drawn on this terminal line
      }
      out.println("  " + AlertLine.of(alert));
    }
  }

  private static Thread closeOnInterrupt(EmbeddedPipeline pipeline) {
    return new Thread(
        () -> {
          try {
            pipeline.close();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        "demo-cleanup");
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
