package io.stormwatch.cli.scoring;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one rule did.
 *
 * @param ruleId the rule
 * @param truePositives scenarios that require the rule and on which it fired
 * @param falsePositives alerts of the rule that are about no scenario requiring or allowing it
 * @param falseNegatives scenarios that require the rule and on which it did not fire
 * @param toleratedAlerts alerts about scenarios that allow, but do not require, the rule
 * @param medianTimeToDetect over the true positives: event time from the scenario's start to the
 *     last event of the rule's first alert revision; null without true positives
 */
public record RuleScore(
    String ruleId,
    int truePositives,
    int falsePositives,
    int falseNegatives,
    int toleratedAlerts,
    Duration medianTimeToDetect) {

  /**
   * Detected scenarios over detected scenarios plus false alerts; empty when the rule neither
   * detected nor falsely alerted. Repeated alerts on one detected scenario do not raise it; every
   * false alert lowers it, as every one costs an analyst's time.
   */
  public OptionalDouble precision() {
    int denominator = truePositives + falsePositives;
    return denominator == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) truePositives / denominator);
  }

  /** Detected scenarios over scenarios requiring the rule; empty when none requires it. */
  public OptionalDouble recall() {
    int denominator = truePositives + falseNegatives;
    return denominator == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) truePositives / denominator);
  }

  public Optional<Duration> timeToDetect() {
    return Optional.ofNullable(medianTimeToDetect);
  }
}
