package io.stormwatch.cli.scoring;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.sim.scenario.ScenarioLabel;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What fired on one scenario.
 *
 * @param scenario the scenario's label
 * @param alerts the alerts about the scenario (latest revisions), whatever their rule
 * @param fired alerts about the scenario, per rule
 * @param missing required rules that did not fire
 * @param unexpected rules that fired although the scenario neither requires nor allows them
 * @param timeToDetect per required rule that fired: event time from the scenario's start to the
 *     last event of its earliest first revision
 */
public record ScenarioOutcome(
    ScenarioLabel scenario,
    List<Alert> alerts,
    SortedMap<String, Integer> fired,
    SortedSet<String> missing,
    SortedSet<String> unexpected,
    SortedMap<String, Duration> timeToDetect) {

  public ScenarioOutcome {
    alerts = List.copyOf(alerts);
    fired = Collections.unmodifiableSortedMap(new TreeMap<>(fired));
    missing = Collections.unmodifiableSortedSet(new TreeSet<>(missing));
    unexpected = Collections.unmodifiableSortedSet(new TreeSet<>(unexpected));
    timeToDetect = Collections.unmodifiableSortedMap(new TreeMap<>(timeToDetect));
  }

  /** Whether any alert is about the scenario: what the demo's scoreboard counts as detected. */
  public boolean alerted() {
    return !alerts.isEmpty();
  }

  /** Every required rule fired and nothing else that is not allowed. */
  public boolean passed() {
    return missing.isEmpty() && unexpected.isEmpty();
  }
}
