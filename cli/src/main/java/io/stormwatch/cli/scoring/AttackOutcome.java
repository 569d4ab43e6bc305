package io.stormwatch.cli.scoring;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.sim.truth.LabelledAttack;
import java.util.List;

/** One injected attack and the alerts that matched it; detected when there is at least one. */
public record AttackOutcome(LabelledAttack attack, List<Alert> matchingAlerts) {

  public AttackOutcome {
    matchingAlerts = List.copyOf(matchingAlerts);
  }

  public boolean detected() {
    return !matchingAlerts.isEmpty();
  }
}
