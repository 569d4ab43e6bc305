package io.stormwatch.cli.evaluation;

import io.stormwatch.cli.scoring.RuleScore;
import io.stormwatch.cli.scoring.ScenarioOutcome;
import io.stormwatch.cli.scoring.ScoreReport;
import io.stormwatch.schemas.avro.Alert;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Prints an evaluation as the tables a detection engineer reads. */
public final class EvaluationTable {

  /** Unmatched alerts listed at most; the JSON report has them all. */
  static final int MAX_UNMATCHED_LISTED = 20;

  private EvaluationTable() {}

  /** The report as text, with the rule table first. */
  public static String render(ScoreReport report) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-22s %4s %4s %4s %9s %9s %7s %12s%n",
            "rule",
            "TP",
            "FP",
            "FN",
            "tolerated",
            "precision",
            "recall",
            "median TTD"));
    for (RuleScore rule : report.rules()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-22s %4d %4d %4d %9d %9s %7s %12s%n",
              rule.ruleId(),
              rule.truePositives(),
              rule.falsePositives(),
              rule.falseNegatives(),
              rule.toleratedAlerts(),
              ratio(rule.precision()),
              ratio(rule.recall()),
              rule.timeToDetect().map(EvaluationTable::duration).orElse("-")));
    }
    out.append(System.lineSeparator());
    out.append(
        String.format(
            Locale.ROOT,
            "%-46s %-7s %-9s %s%n",
            "scenario",
            "kind",
            "verdict",
            "what fired (required / allowed rules)"));
    for (ScenarioOutcome outcome : report.scenarios()) {
      var scenario = outcome.scenario();
      out.append(
          String.format(
              Locale.ROOT,
              "%-46s %-7s %-9s %s%n",
              scenario.id(),
              scenario.kind() == io.stormwatch.sim.scenario.ScenarioKind.ATTACK ? "attack" : "trap",
              verdict(outcome),
              fired(outcome)));
    }
    List<Alert> unmatched = report.unmatchedAlerts();
    out.append(System.lineSeparator());
    out.append(
        String.format(
            Locale.ROOT,
            "alerts about no scenario: %d of %d%n",
            unmatched.size(),
            report.alerts()));
    unmatched.stream()
        .limit(MAX_UNMATCHED_LISTED)
        .forEach(
            a ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "  %-20s %s %s..%s %s%n",
                        a.getRuleId(),
                        a.getAccountId(),
                        a.getFirstEventTime(),
                        a.getLastEventTime(),
                        a.getSummary())));
    if (unmatched.size() > MAX_UNMATCHED_LISTED) {
      out.append(
          String.format(
              Locale.ROOT, "  ... and %d more%n", unmatched.size() - MAX_UNMATCHED_LISTED));
    }
    return out.toString();
  }

  public static void print(PrintStream out, ScoreReport report) {
    out.print(render(report));
  }

  private static String verdict(ScenarioOutcome outcome) {
    if (!outcome.missing().isEmpty()) {
      return "MISSED";
    }
    if (!outcome.unexpected().isEmpty()) {
      return "NOISY";
    }
    return outcome.scenario().requiredRules().isEmpty() ? "quiet" : "detected";
  }

  private static String fired(ScenarioOutcome outcome) {
    var scenario = outcome.scenario();
    String fired =
        outcome.fired().isEmpty()
            ? "nothing"
            : outcome.fired().entrySet().stream()
                .map(
                    e -> {
                      String mark =
                          scenario.requiredRules().contains(e.getKey())
                              ? ""
                              : scenario.allowedRules().contains(e.getKey())
                                  ? " (allowed)"
                                  : " (!)";
                      Duration ttd = outcome.timeToDetect().get(e.getKey());
                      return e.getKey()
                          + " x"
                          + e.getValue()
                          + (ttd == null ? "" : " in " + duration(ttd))
                          + mark;
                    })
                .collect(Collectors.joining(", "));
    String missing =
        outcome.missing().isEmpty() ? "" : "; missing " + String.join(", ", outcome.missing());
    String expected =
        scenario.requiredRules().isEmpty() && scenario.allowedRules().isEmpty()
            ? ""
            : " ["
                + String.join(", ", scenario.requiredRules())
                + (scenario.allowedRules().isEmpty()
                    ? ""
                    : " / " + String.join(", ", scenario.allowedRules()))
                + "]";
    return fired + missing + expected;
  }

  static String ratio(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "n/a";
  }

  /** {@code 1h 02m}, {@code 4m 10s}, {@code 12s}; negative durations keep their sign. */
  static String duration(Duration d) {
    String sign = d.isNegative() ? "-" : "";
    Duration a = d.abs();
    long h = a.toHours();
    long m = a.toMinutesPart();
    long s = a.toSecondsPart();
    if (h > 0) {
      return String.format(Locale.ROOT, "%s%dh %02dm", sign, h, m);
    }
    if (m > 0) {
      return String.format(Locale.ROOT, "%s%dm %02ds", sign, m, s);
    }
    return sign + s + "s";
  }
}
