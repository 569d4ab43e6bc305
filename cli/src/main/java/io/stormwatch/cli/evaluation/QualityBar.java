package io.stormwatch.cli.evaluation;

import io.stormwatch.cli.scoring.RuleScore;
import io.stormwatch.cli.scoring.ScoreReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The recall and precision every rule must reach.
 *
 * @param minRecall e.g. 1.0: every scenario that requires a rule is detected
 * @param minPrecision e.g. 0.95
 */
public record QualityBar(double minRecall, double minPrecision) {

  /** What CI holds the rules to: catch every attack, at most one false alert in twenty. */
  public static final QualityBar CI = new QualityBar(1.0, 0.95);

  /**
   * @throws IllegalArgumentException if a bound is outside 0..1
   */
  public QualityBar {
    if (minRecall < 0 || minRecall > 1 || minPrecision < 0 || minPrecision > 1) {
      throw new IllegalArgumentException("recall and precision bounds must be between 0 and 1");
    }
  }

  /** One line per rule below the bar, naming the scenarios or alerts at fault; empty if none. */
  public List<String> shortfalls(ScoreReport report) {
    List<String> out = new ArrayList<>();
    for (RuleScore rule : report.rules()) {
      if (rule.recall().isPresent() && rule.recall().getAsDouble() < minRecall) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s: recall %.2f < %.2f, missed %s",
                rule.ruleId(),
                rule.recall().getAsDouble(),
                minRecall,
                report.scenarios().stream()
                    .filter(s -> s.missing().contains(rule.ruleId()))
                    .map(s -> s.scenario().id())
                    .collect(Collectors.joining(", "))));
      }
      if (rule.precision().isPresent() && rule.precision().getAsDouble() < minPrecision) {
        List<String> noisy =
            report.scenarios().stream()
                .filter(s -> s.unexpected().contains(rule.ruleId()))
                .map(s -> s.scenario().id())
                .toList();
        long unmatched =
            report.unmatchedAlerts().stream()
                .filter(a -> a.getRuleId().equals(rule.ruleId()))
                .count();
        out.add(
            String.format(
                Locale.ROOT,
                "%s: precision %.2f < %.2f, %d false alerts (on %s; %d about no scenario)",
                rule.ruleId(),
                rule.precision().getAsDouble(),
                minPrecision,
                rule.falsePositives(),
                noisy.isEmpty() ? "no scenario" : String.join(", ", noisy),
                unmatched));
      }
    }
    return out;
  }
}
