package io.stormwatch.sim.scenario.stage;

import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.world.User;
import java.util.List;

/**
 * A shared mailbox (no licence, nobody signs in as it) and the users with delegate access to it.
 *
 * @param mailbox its identity
 * @param delegates who read it, in casting order
 */
public record SharedMailbox(MailboxIdentity mailbox, List<User> delegates) {
  public SharedMailbox {
    delegates = List.copyOf(delegates);
  }
}
