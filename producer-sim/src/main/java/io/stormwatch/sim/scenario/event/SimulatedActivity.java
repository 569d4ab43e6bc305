package io.stormwatch.sim.scenario.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.event.MailAccessEvent;
import io.stormwatch.sim.event.SignInEvent;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.time.Instant;
import java.util.Objects;

/**
 * An event of the existing simulator, written by its own writers.
 *
 * @param event the sign-in or mailbox access
 */
public record SimulatedActivity(SimEvent event) implements StagedEvent {

  public SimulatedActivity {
    Objects.requireNonNull(event, "event");
  }

  @Override
  public Instant time() {
    return event.time();
  }

  @Override
  public Tenant tenant() {
    return event.tenant();
  }

  @Override
  public RawTopic topic() {
    return event.topic();
  }

  @Override
  public String recordId() {
    return event instanceof MailAccessEvent mail
        ? mail.recordId().asGuid()
        : ((SignInEvent) event).grant().signInId().asGuid();
  }

  /** The user who signed in, or whose mailbox was read. */
  public User user() {
    return event instanceof MailAccessEvent mail ? mail.owner() : ((SignInEvent) event).user();
  }
}
