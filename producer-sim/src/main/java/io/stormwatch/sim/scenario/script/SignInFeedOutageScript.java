package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.SignInDelivery;
import io.stormwatch.sim.world.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A tenant whose sign-in feed stops for six working hours (10:00–16:00 local time on the scenario
 * day; an Event Hub or diagnostic-setting failure) while its mailbox audit records keep flowing.
 * The sign-ins of those hours never arrive; the tokens they issued are used during the outage and
 * up to 90 minutes after it. One coverage-gap alert is wanted, no orphan-token alerts.
 */
final class SignInFeedOutageScript implements ScenarioScript {

  static final Duration OUTAGE = Duration.ofHours(6);

  private Tenant tenant;
  private Instant from;
  private Instant to;

  @Override
  public ScenarioType type() {
    return ScenarioType.SIGNIN_FEED_OUTAGE;
  }

  @Override
  public int actorCount() {
    return 0;
  }

  @Override
  public void cast(CastingCall call) {
    tenant = call.tenant().tenant();
    from = ZonedDateTime.of(call.stage().day(), LocalTime.of(10, 0), tenant.zone()).toInstant();
    to = from.plus(OUTAGE);
    call.tenant().signIns(SignInDelivery.outage(from, to));
  }

  @Override
  public Scene perform(Performance p) {
    return new Scene()
        .tenantWide(
            new Scene.TenantWide(
                e ->
                    e.tenant().equals(tenant)
                        && e.topic() == RawTopic.UAL
                        && !e.time().isBefore(from)
                        && e.time().isBefore(to),
                from,
                to))
        .parameter("outageFrom", from)
        .parameter("outageTo", to)
        .parameter("outageHours", OUTAGE.toHours())
        .summary(
            tenant.name()
                + "'s sign-in feed delivers nothing from "
                + from
                + " to "
                + to
                + " while mailbox audit records keep arriving");
  }
}
