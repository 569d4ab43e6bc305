package io.stormwatch.sim.scenario.stage;

import io.stormwatch.sim.event.ServicePrincipal;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.util.List;

/**
 * A line-of-business application with the application permission Mail.Read, reading some users'
 * mailboxes through Microsoft Graph with its own tokens.
 *
 * @param app its service principal
 * @param host the cloud network its workers run in
 * @param mailboxes whose mailboxes it reads, in casting order
 */
public record ServiceIntegration(ServicePrincipal app, Network host, List<User> mailboxes) {
  public ServiceIntegration {
    mailboxes = List.copyOf(mailboxes);
  }
}
