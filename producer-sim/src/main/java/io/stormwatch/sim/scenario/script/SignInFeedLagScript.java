package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.SignInDelivery;
import io.stormwatch.sim.world.Tenant;
import java.time.Duration;

/**
 * A tenant whose sign-in records arrive one hour after the mailbox records of the same time (a
 * slower export path; Microsoft documents minutes to hours of latency for both logs). Each record
 * keeps its event time; only its arrival is late, so every token is used before the pipeline has
 * seen its issuance. Nothing may fire: neither orphan tokens nor a coverage gap.
 */
final class SignInFeedLagScript implements ScenarioScript {

  static final Duration LAG = Duration.ofHours(1);

  private Tenant tenant;

  @Override
  public ScenarioType type() {
    return ScenarioType.SIGNIN_FEED_LAG;
  }

  @Override
  public int actorCount() {
    return 0;
  }

  @Override
  public void cast(CastingCall call) {
    tenant = call.tenant().tenant();
    call.tenant().signIns(SignInDelivery.lagging(LAG));
  }

  @Override
  public Scene perform(Performance p) {
    return new Scene()
        .tenantWide(
            new Scene.TenantWide(
                e -> e.tenant().equals(tenant) && e.topic() == RawTopic.SIGN_IN,
                p.stage().historyStart(),
                p.stage().dayEnd()))
        .parameter("signInLagMinutes", LAG.toMinutes())
        .summary(
            tenant.name()
                + "'s sign-in records arrive "
                + LAG.toMinutes()
                + " minutes after the mailbox records of the same time");
  }
}
