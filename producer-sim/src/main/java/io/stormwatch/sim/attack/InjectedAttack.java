package io.stormwatch.sim.attack;

import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.truth.LabelledAttack;
import java.util.List;

/**
 * An attack placed in the simulated world: its ground-truth label and the records it produces.
 *
 * @param label what a detector should find
 * @param events the attacker's records in time order
 */
public record InjectedAttack(LabelledAttack label, List<MailboxAccess> events) {
  public InjectedAttack {
    events = List.copyOf(events);
  }
}
