package io.stormwatch.sim.scenario.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.world.Tenant;
import java.time.Instant;

/**
 * Something that happens on the scenario stage and becomes one raw record: either activity of the
 * existing simulator (background users, sparse history, plain scenario reads) or a record shape the
 * simulator does not write (delegate, app-only, throttled access; OWA sign-ons; third-party and
 * service-principal sign-ins).
 */
public sealed interface StagedEvent
    permits SimulatedActivity, MailboxAccess, OwaSignOn, TokenIssuance {

  /** Event time: when Microsoft says it happened. */
  Instant time();

  Tenant tenant();

  RawTopic topic();

  /** The record's own id: UAL {@code Id} or sign-in {@code id}. */
  String recordId();
}
