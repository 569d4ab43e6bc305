package io.stormwatch.cli.scoring;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.sim.scenario.DetectionRules;
import io.stormwatch.sim.scenario.ScenarioLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores alerts against scenario labels, for {@code stormwatch evaluate} and the demo's scoreboard;
 * a pure function of its inputs.
 *
 * <p>An alert is judged by its latest revision (its final span and evidence) and matched to
 * scenarios with {@link ScenarioMatcher}. It is {@link AlertVerdict#EXPECTED} when one of those
 * scenarios requires its rule, {@link AlertVerdict#TOLERATED} when one allows it, and otherwise a
 * {@link AlertVerdict#FALSE_POSITIVE}: about a benign trap, about an attack that does not concern
 * the rule, or about nothing. A scenario requiring a rule is a true positive of that rule when at
 * least one alert of the rule is about it, a false negative otherwise. Time to detect is measured
 * in event time, from the scenario's first record to the last event of the alert's first revision:
 * how much of the attack had happened when the SOC first heard of it.
 */
public final class Scorer {

  private Scorer() {}

  /**
   * @param revisions every alert revision received, in any order
   * @param scenarios the run's labels
   */
  public static ScoreReport score(List<Alert> revisions, List<ScenarioLabel> scenarios) {
    Map<String, Alert> latest = new LinkedHashMap<>();
    Map<String, Alert> first = new HashMap<>();
    for (Alert revision : revisions) {
      latest.merge(
          revision.getAlertId(), revision, (a, b) -> b.getRevision() >= a.getRevision() ? b : a);
      first.merge(
          revision.getAlertId(), revision, (a, b) -> b.getRevision() < a.getRevision() ? b : a);
    }
    List<Alert> alerts = List.copyOf(latest.values());

    Map<String, Counts> counts = new LinkedHashMap<>();
    DetectionRules.ALL.forEach(rule -> counts.put(rule, new Counts()));
    new TreeSet<>(alerts.stream().map(Alert::getRuleId).toList())
        .forEach(rule -> counts.computeIfAbsent(rule, r -> new Counts()));

    List<Alert> unmatched = new ArrayList<>();
    for (Alert alert : alerts) {
      List<ScenarioLabel> about =
          scenarios.stream().filter(s -> ScenarioMatcher.matches(alert, s)).toList();
      AlertVerdict verdict = verdict(alert.getRuleId(), about);
      Counts rule = counts.get(alert.getRuleId());
      switch (verdict) {
        case EXPECTED -> {}
        case TOLERATED -> rule.tolerated++;
        case FALSE_POSITIVE -> {
          rule.falsePositives++;
          if (about.isEmpty()) {
            unmatched.add(alert);
          }
        }
      }
    }

    List<ScenarioOutcome> outcomes = new ArrayList<>();
    for (ScenarioLabel scenario : scenarios) {
      List<Alert> about =
          alerts.stream().filter(a -> ScenarioMatcher.matches(a, scenario)).toList();
      TreeMap<String, Integer> fired = new TreeMap<>();
      about.forEach(a -> fired.merge(a.getRuleId(), 1, Integer::sum));
      Set<String> missing = new LinkedHashSet<>();
      TreeMap<String, Duration> timeToDetect = new TreeMap<>();
      for (String required : scenario.requiredRules()) {
        Counts rule = counts.computeIfAbsent(required, r -> new Counts());
        Instant detectedAt =
            about.stream()
                .filter(a -> a.getRuleId().equals(required))
                .map(a -> first.get(a.getAlertId()).getLastEventTime())
                .min(Instant::compareTo)
                .orElse(null);
        if (detectedAt == null) {
          missing.add(required);
          rule.falseNegatives++;
        } else {
          Duration ttd = Duration.between(scenario.start(), detectedAt);
          timeToDetect.put(required, ttd);
          rule.truePositives++;
          rule.timesToDetect.add(ttd);
        }
      }
      Set<String> unexpected = new TreeSet<>(fired.keySet());
      unexpected.removeIf(scenario::permits);
      outcomes.add(
          new ScenarioOutcome(
              scenario,
              about,
              fired,
              new TreeSet<>(missing),
              new TreeSet<>(unexpected),
              timeToDetect));
    }

    List<RuleScore> scores = new ArrayList<>();
    counts.forEach(
        (rule, c) ->
            scores.add(
                new RuleScore(
                    rule,
                    c.truePositives,
                    c.falsePositives,
                    c.falseNegatives,
                    c.tolerated,
                    median(c.timesToDetect))));
    return new ScoreReport(scores, outcomes, unmatched, alerts.size());
  }

  /** What an alert of {@code ruleId} about {@code scenarios} counts as. */
  static AlertVerdict verdict(String ruleId, List<ScenarioLabel> scenarios) {
    if (scenarios.stream().anyMatch(s -> s.requiredRules().contains(ruleId))) {
      return AlertVerdict.EXPECTED;
    }
    if (scenarios.stream().anyMatch(s -> s.allowedRules().contains(ruleId))) {
      return AlertVerdict.TOLERATED;
    }
    return AlertVerdict.FALSE_POSITIVE;
  }

  /** The median; the mean of the two middle values for an even count; null for none. */
  static Duration median(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
  }

  private static final class Counts {
    int truePositives;
    int falsePositives;
    int falseNegatives;
    int tolerated;
    final List<Duration> timesToDetect = new ArrayList<>();
  }
}
