package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stream.Silence;
import io.stormwatch.sim.world.User;
import java.time.LocalDate;

/**
 * A mailbox whose reads stop being audited while its owner goes on working (T1562.008): from the
 * start of the owner's last working day before the scenario day, no MailItemsAccessed record of the
 * mailbox reaches the feed, and the change that did it never did either (an audit bypass set before
 * the tenant's export began, or an admin record the export left out). The owner's mail client signs
 * in to Exchange Online through both days as always. Source: Microsoft Learn, "Manage mailbox
 * auditing" (AuditBypassEnabled, AuditEnabled); CISA AA23-193A on tenants whose MailItemsAccessed
 * records were the only trace.
 */
final class MailboxAuditSilencedScript implements ScenarioScript {

  private User owner;

  @Override
  public ScenarioType type() {
    return ScenarioType.MAILBOX_AUDIT_SILENCED;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    owner = call.cast(Roles.laptopWorker("the owner of a mailbox no longer audited"));
  }

  @Override
  public Scene perform(Performance p) {
    p.workPeriod(owner); // fails unless the owner works, and so signs in on the scenario day
    LocalDate silentFrom = MailUseDays.latestBefore(owner, p.historyOf(owner), p.stage().day());
    Scene scene =
        new Scene()
            .account(owner.upn())
            .silence(
                new Silence(
                    owner.upn(),
                    MailUseDays.start(silentFrom),
                    p.stage().dayStart(),
                    Silence.Scope.MAIL))
            // The scenario's records are the owner's sign-ins of the day, written here instead.
            .silence(
                new Silence(
                    owner.upn(),
                    p.stage().dayStart(),
                    p.stage().dayEnd(),
                    Silence.Scope.EVERYTHING));
    int signIns = 0;
    for (SimEvent event : p.dayActivity(owner)) {
      if (event instanceof SignIn) {
        scene.add(event);
        signIns++;
      }
    }
    return scene
        .parameter("silentFrom", MailUseDays.start(silentFrom))
        .parameter("signIns", signIns)
        .summary(
            String.format(
                "%s's mailbox reads are no longer audited from %s on; its owner's mail client"
                    + " signs in to Exchange Online through that day and the scenario day (%d"
                    + " sign-ins on it)",
                owner.upn(), silentFrom, signIns));
  }
}
