package io.stormwatch.sim.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.world.Tenant;
import java.time.Instant;

/** Something that happened in the simulated world and becomes one raw Microsoft record. */
public sealed interface SimEvent permits SignInEvent, MailAccessEvent {

  /** Event time: when Microsoft says it happened. */
  Instant time();

  Tenant tenant();

  RawTopic topic();
}
