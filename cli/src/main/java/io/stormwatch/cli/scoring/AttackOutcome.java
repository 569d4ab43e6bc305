package io.stormwatch.cli.scoring;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.sim.scenario.ScenarioLabel;
import java.util.List;

/** One injected attack and the alerts that matched it; detected when there is at least one. */
public record AttackOutcome(ScenarioLabel attack, List<Alert> matchingAlerts) {

  public AttackOutcome {
    matchingAlerts = List.copyOf(matchingAlerts);
  }

  public boolean detected() {
    return !matchingAlerts.isEmpty();
  }
}
