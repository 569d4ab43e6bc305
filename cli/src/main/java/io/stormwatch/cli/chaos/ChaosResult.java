package io.stormwatch.cli.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a chaos run measured.
 *
 * @param plan the faults planned
 * @param eventsExpected normalised events of the uninterrupted run
 * @param eventsGot normalised events a read_committed consumer reads after the disturbed run
 * @param alerts the alerts topic against the uninterrupted run's
 * @param faults what each fault did, in order
 * @param drain from the last fault until every record was committed
 * @param took the whole run, reference included
 */
public record ChaosResult(
    ChaosPlan plan,
    long eventsExpected,
    long eventsGot,
    AlertComparison alerts,
    List<FaultOutcome> faults,
    Duration drain,
    Duration took) {

  public ChaosResult {
    faults = List.copyOf(faults);
  }

  /** Exactly the alerts and events of the uninterrupted run. */
  public boolean passed() {
    return alerts.identical() && eventsGot == eventsExpected;
  }

  /** The recovery times of the faults of {@code kind}, in order. */
  public List<Duration> recoveries(Fault.Kind kind) {
    return faults.stream()
        .filter(f -> f.fault().kind() == kind)
        .map(FaultOutcome::recovery)
        .flatMap(Optional::stream)
        .toList();
  }
}
