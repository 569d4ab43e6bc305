package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.SignInDelivery;
import io.stormwatch.sim.world.Tenant;

/**
 * A tenant that sends its mailbox audit records but never any sign-in logs (no diagnostic setting
 * for SignInLogs, or no Entra ID P1 licence for exporting them): every token use is unmatched. The
 * orphan-token rule is blind here and must say so once, as a coverage gap, instead of alerting on
 * every token of every user.
 */
final class NoSignInLogsScript implements ScenarioScript {

  private Tenant tenant;

  @Override
  public ScenarioType type() {
    return ScenarioType.TENANT_WITHOUT_SIGNIN_LOGS;
  }

  @Override
  public int actorCount() {
    return 0;
  }

  @Override
  public void cast(CastingCall call) {
    tenant = call.tenant().tenant();
    call.tenant().signIns(SignInDelivery.NONE);
  }

  @Override
  public Scene perform(Performance p) {
    return new Scene()
        .tenantWide(
            new Scene.TenantWide(
                e -> e.tenant().equals(tenant) && e.topic() == RawTopic.UAL,
                p.stage().historyStart(),
                p.stage().dayEnd()))
        .parameter("signInRecords", 0)
        .parameter("users", p.tenant().users().size())
        .summary(
            tenant.name()
                + " sends MailItemsAccessed records of "
                + p.tenant().users().size()
                + " users for "
                + (p.stage().settings().historyDays() + 1)
                + " days and no sign-in log at all");
  }
}
