package io.stormwatch.cli.evaluation;

import io.stormwatch.cli.options.DetectorSettingOptions;
import io.stormwatch.cli.scoring.ScoreReport;
import io.stormwatch.cli.scoring.Scorer;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.scenario.ScenarioKind;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.sim.scenario.ScenarioRun;
import io.stormwatch.sim.scenario.ScenarioSet;
import io.stormwatch.sim.scenario.ScenarioSettings;
import io.stormwatch.sim.scenario.ScenarioType;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stormwatch evaluate}: every rule scored on labelled attacks and benign traps. */
@Command(
    name = "evaluate",
    description =
        "Plays labelled scenarios (attacks, and the benign patterns that make public rules "
            + "noisy) among simulated tenants with three weeks of history, through the real "
            + "pipeline on an embedded Kafka broker, and scores every rule: true and false "
            + "positives, false negatives, precision, recall and median time to detect in event "
            + "time, then what fired on each scenario.",
    mixinStandardHelpOptions = true)
public final class EvaluateCommand implements Callable<Integer> {

  /** Exit code when a rule falls below --min-recall or --min-precision. */
  static final int BELOW_BAR = 1;

  @Spec CommandSpec spec;

  @Option(
      names = "--scenarios",
      defaultValue = ScenarioSet.CI,
      paramLabel = "SET|LIST",
      description =
          "A scenario set (ci: each scenario once; standard: each twice, more background) or a"
              + " comma-separated list of scenario ids, each optionally *n (default: ${DEFAULT-VALUE}).")
  String scenarios;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the evaluation as JSON.")
  Path json;

  @Mixin DetectorSettingOptions detectorSettings;

  @Option(
      names = "--min-recall",
      paramLabel = "RATIO",
      description = "Exit with 1 if a rule's recall is below this (e.g. 1.0).")
  Double minRecall;

  @Option(
      names = "--min-precision",
      paramLabel = "RATIO",
      description = "Exit with 1 if a rule's precision is below this (e.g. 0.95).")
  Double minPrecision;

  @Option(
      names = "--drain-timeout",
      defaultValue = "10m",
      paramLabel = "DURATION",
      description =
          "How long the detector may take to catch up after the last record (default: ${DEFAULT-VALUE}).")
  String drainTimeout;

  @Option(names = "--list", description = "List the scenarios and exit.")
  boolean list;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (list) {
      listScenarios(out);
      return 0;
    }
    ScenarioSet set;
    try {
      set = ScenarioSet.parse(scenarios);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--scenarios: " + e.getMessage());
    }
    Map<String, String> settings = detectorSettings.checkedUnder("stormwatch-evaluate");
    QualityBar bar = bar();
    Duration timeout = timeout();

    long t0 = System.nanoTime();
    ScenarioRun run = new ScenarioRun(ScenarioSettings.of(seed, set));
    printHeader(out, run, Duration.ofNanos(System.nanoTime() - t0));
    ScenarioReplay.Outcome pipeline =
        ScenarioReplay.play(run, settings, IpIntelligence.loadBundled(), timeout, n -> {});
    out.printf("  pipeline     %s%n%n", pipeline.summary());

    ScoreReport report = Scorer.score(pipeline.revisions(), run.labels());
    EvaluationTable.print(out, report);
    if (json != null) {
      EvaluationDocument.write(json, EvaluationDocument.of(run, pipeline, report));
      out.println();
      out.println("Evaluation written to " + json);
    }
    if (bar != null) {
      List<String> shortfalls = bar.shortfalls(report);
      out.println();
      if (shortfalls.isEmpty()) {
        out.printf(
            Locale.ROOT,
            "Every rule reaches recall %.2f and precision %.2f.%n",
            bar.minRecall(),
            bar.minPrecision());
      } else {
        out.println("Below the bar:");
        shortfalls.forEach(s -> out.println("  " + s));
        return BELOW_BAR;
      }
    }
    return 0;
  }

  private QualityBar bar() {
    if (minRecall == null && minPrecision == null) {
      return null;
    }
    try {
      return new QualityBar(
          minRecall == null ? 0 : minRecall, minPrecision == null ? 0 : minPrecision);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Duration timeout() {
    try {
      String text = drainTimeout.trim().toUpperCase(Locale.ROOT);
      return Duration.parse(text.startsWith("P") ? text : "PT" + text);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--drain-timeout: '" + drainTimeout + "' is not a duration like 10m");
    }
  }

  private static void printHeader(PrintStream out, ScenarioRun run, Duration generation) {
    List<ScenarioLabel> labels = run.labels();
    long attacks = labels.stream().filter(l -> l.kind() == ScenarioKind.ATTACK).count();
    out.printf(
        Locale.ROOT,
        "Stormwatch evaluation: set %s, seed %d: %d scenarios (%d attacks, %d benign traps)%n",
        run.settings().set().name(),
        run.settings().seed(),
        labels.size(),
        attacks,
        labels.size() - attacks);
    out.printf(
        Locale.ROOT,
        "  simulation   %d tenants, %s users, %d days of history and %s; %d records (%d mailbox,"
            + " %d sign-in), built in %.1f s%n",
        run.tenants(),
        run.usersPerTenant(),
        run.settings().historyDays(),
        run.settings().day(),
        run.recordCount(),
        run.recordsByTopic().getOrDefault(RawTopic.UAL, 0L),
        run.recordsByTopic().getOrDefault(RawTopic.SIGN_IN, 0L),
        generation.toMillis() / 1000.0);
  }

  /** Rule ids sorted, so that the listing is the same in every run (Set.of has no fixed order). */
  private static String rules(Set<String> ruleIds) {
    return ruleIds.isEmpty() ? "-" : String.join(",", new TreeSet<>(ruleIds));
  }

  private static void listScenarios(PrintStream out) {
    for (ScenarioType type : ScenarioType.values()) {
      out.printf(
          Locale.ROOT,
          "%-34s %-11s requires %-22s allows %-36s %s%n",
          type.id(),
          type.kind() == ScenarioKind.ATTACK ? "attack" : "benign trap",
          rules(type.requiredRules()),
          rules(type.allowedRules()),
          type.summary());
    }
  }
}
