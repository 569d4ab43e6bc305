package io.stormwatch.sim.truth;

import io.stormwatch.sim.scenario.ScenarioLabel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was injected into a simulation run.
 *
 * @param seed the run's seed
 * @param start first instant of the simulated period
 * @param end end of the simulated period, exclusive
 * @param attacks the labels of the placed attacks, ordered by tenant, then type, then number
 * @param unplaced attacks that were asked for but could not be placed
 */
public record GroundTruth(
    long seed,
    Instant start,
    Instant end,
    List<ScenarioLabel> attacks,
    List<UnplacedAttack> unplaced) {

  public GroundTruth {
    attacks = List.copyOf(attacks);
    unplaced = List.copyOf(unplaced);
  }

  public Optional<ScenarioLabel> attack(String id) {
    return attacks.stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
