package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailboxCommand;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An intruder holding an administrator's session blinds mailbox auditing before reading a
 * colleague's mail (T1562.008): from a hosting network abroad, {@code
 * Set-MailboxAuditBypassAssociation -AuditBypassEnabled $true} for the administrator's own account,
 * then {@code Set-Mailbox -AuditEnabled $false} on the colleague's mailbox. Source: Microsoft
 * Learn, Set-MailboxAuditBypassAssociation; Mandiant's APT29 Microsoft 365 write-up (2022).
 */
final class AuditBypassScript implements ScenarioScript {

  private User admin;
  private User colleague;

  @Override
  public ScenarioType type() {
    return ScenarioType.AUDIT_BYPASS;
  }

  @Override
  public int actorCount() {
    return 2;
  }

  @Override
  public void cast(CastingCall call) {
    admin = call.cast(Roles.laptopWorker("an administrator whose session is used to blind audit"));
    colleague = call.cast(Roles.laptopWorker("the colleague whose mailbox audit is switched off"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(admin);
    Instant at =
        Acts.between(
            rng, period.start().plus(Duration.ofMinutes(30)), period.end().minusSeconds(300));
    Network vps = Acts.hostingAbroad(rng, p.stage().catalogue(), admin.homeIsp().country());
    String ip = vps.randomAddress(rng);

    Map<String, String> bypass = new LinkedHashMap<>();
    bypass.put("Identity", admin.upn());
    bypass.put("AuditBypassEnabled", "True");
    Map<String, String> off = new LinkedHashMap<>();
    off.put("Identity", colleague.upn());
    off.put("AuditEnabled", "False");
    return new Scene()
        .account(admin.upn())
        .add(command(at, "Set-MailboxAuditBypassAssociation", bypass, ip, rng))
        .add(command(at.plusSeconds(Draw.between(rng, 20, 240)), "Set-Mailbox", off, ip, rng))
        .parameter("attackerAsn", vps.asn())
        .parameter("attackerCountry", vps.country())
        .summary(
            String.format(
                "%s's session bypassed its own mailbox auditing and switched %s's off, from %s"
                    + " (AS%d, %s)",
                admin.upn(), colleague.upn(), vps.organisation(), vps.asn(), vps.country()));
  }

  private MailboxCommand command(
      Instant at, String cmdlet, Map<String, String> parameters, String ip, SplittableRandom rng) {
    return new MailboxCommand(
        at, Id128.randomGuid(rng), admin.tenant(), Accessor.of(admin), cmdlet, parameters, ip);
  }
}
