package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailboxCommand;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An administrator hardening audit from the office, with the very cmdlets an intruder uses to
 * weaken it: unified audit log ingestion switched on, MailItemsAccessed added to a mailbox's
 * audited owner actions with auditing on, and a stale audit bypass removed.
 */
final class AuditHardeningScript implements ScenarioScript {

  private User admin;
  private User user;

  @Override
  public ScenarioType type() {
    return ScenarioType.AUDIT_CONFIG_HARDENING;
  }

  @Override
  public int actorCount() {
    return 2;
  }

  @Override
  public void cast(CastingCall call) {
    admin = call.cast(Roles.laptopWorker("an administrator hardening the tenant's audit"));
    user = call.cast(Roles.laptopWorker("a user whose mailbox audit is extended"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(admin);
    Instant at =
        Acts.between(
            rng, period.start().plus(Duration.ofMinutes(10)), period.end().minusSeconds(600));
    String ip = period.homeIp() != null ? period.homeIp() : admin.carrier().randomAddress(rng);

    Map<String, String> ingestion = new LinkedHashMap<>();
    ingestion.put("UnifiedAuditLogIngestionEnabled", "True");
    Map<String, String> mailbox = new LinkedHashMap<>();
    mailbox.put("Identity", user.upn());
    mailbox.put("AuditEnabled", "True");
    mailbox.put("AuditOwner", "@{Add=\"MailItemsAccessed\"}");
    Map<String, String> bypass = new LinkedHashMap<>();
    bypass.put("Identity", "svc-archive@" + admin.tenant().domain());
    bypass.put("AuditBypassEnabled", "False");
    return new Scene()
        .account(admin.upn())
        .add(command(at, "Set-AdminAuditLogConfig", ingestion, ip, rng))
        .add(command(at.plusSeconds(Draw.between(rng, 30, 200)), "Set-Mailbox", mailbox, ip, rng))
        .add(
            command(
                at.plusSeconds(Draw.between(rng, 250, 500)),
                "Set-MailboxAuditBypassAssociation",
                bypass,
                ip,
                rng))
        .summary(
            String.format(
                "%s switched audit log ingestion on, extended %s's mailbox audit and removed an"
                    + " audit bypass",
                admin.upn(), user.upn()));
  }

  private MailboxCommand command(
      Instant at, String cmdlet, Map<String, String> parameters, String ip, SplittableRandom rng) {
    return new MailboxCommand(
        at, Id128.randomGuid(rng), admin.tenant(), Accessor.of(admin), cmdlet, parameters, ip);
  }
}
