package io.stormwatch.cli.scoring;

import io.stormwatch.schemas.avro.Alert;
import java.util.List;
import java.util.Optional;

/**
 * The evaluation of a run's alerts against its labels.
 *
 * @param rules one score per rule: the known rules first, in their order, then any other rule that
 *     alerted
 * @param scenarios one outcome per scenario, in label order
 * @param unmatchedAlerts false positives that are about no scenario at all (latest revisions)
 * @param alerts alerts evaluated (latest revisions)
 */
public record ScoreReport(
    List<RuleScore> rules,
    List<ScenarioOutcome> scenarios,
    List<Alert> unmatchedAlerts,
    int alerts) {

  public ScoreReport {
    rules = List.copyOf(rules);
    scenarios = List.copyOf(scenarios);
    unmatchedAlerts = List.copyOf(unmatchedAlerts);
  }

  public Optional<RuleScore> rule(String ruleId) {
    return rules.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst();
  }
}
