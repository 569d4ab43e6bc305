package io.stormwatch.cli.evaluation;

import io.stormwatch.sim.scenario.ScenarioLabel;
import java.time.Duration;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What fired on one scenario.
 *
 * @param scenario the scenario's label
 * @param fired alerts about the scenario, per rule
 * @param missing required rules that did not fire
 * @param unexpected rules that fired although the scenario neither requires nor allows them
 * @param timeToDetect per required rule that fired: event time from the scenario's start to the
 *     last event of its earliest first revision
 */
public record ScenarioOutcome(
    ScenarioLabel scenario,
    SortedMap<String, Integer> fired,
    SortedSet<String> missing,
    SortedSet<String> unexpected,
    SortedMap<String, Duration> timeToDetect) {

  public ScenarioOutcome {
    fired = Collections.unmodifiableSortedMap(new TreeMap<>(fired));
    missing = Collections.unmodifiableSortedSet(new TreeSet<>(missing));
    unexpected = Collections.unmodifiableSortedSet(new TreeSet<>(unexpected));
    timeToDetect = Collections.unmodifiableSortedMap(new TreeMap<>(timeToDetect));
  }

  /** Every required rule fired and nothing else that is not allowed. */
  public boolean passed() {
    return missing.isEmpty() && unexpected.isEmpty();
  }
}
