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
import java.util.List;
import java.util.Map;

/**
 * Business e-mail compromise persistence (T1114.003, T1564.008): from a hosting network abroad, an
 * intruder holding the victim's session creates two inbox rules a minute apart — one named "." that
 * forwards every message to a free-mail address, one named ".." that moves replies about invoices
 * and payments to RSS Subscriptions and marks them read, so the owner never sees them. Source:
 * Microsoft Learn, "Detect and remediate Outlook rules and custom forms injections"; the rule names
 * and folders are those of Microsoft's and Red Canary's BEC write-ups.
 */
final class InboxRuleTakeoverScript implements ScenarioScript {

  private static final List<String> DROP_BOXES =
      List.of("gmail.com", "proton.me", "outlook.com", "yandex.com");

  private User victim;

  @Override
  public ScenarioType type() {
    return ScenarioType.INBOX_RULE_TAKEOVER;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    victim =
        call.cast(Roles.laptopWorker("the owner of a mailbox given hiding and forwarding rules"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(victim);
    Instant at =
        Acts.between(
            rng, period.start().plus(Duration.ofMinutes(30)), period.end().minusSeconds(180));
    Network vps = Acts.hostingAbroad(rng, p.stage().catalogue(), victim.homeIsp().country());
    String ip = vps.randomAddress(rng);
    String dropBox =
        "acct" + Draw.between(rng, 1000, 9999) + ".billing@" + Draw.oneOf(rng, DROP_BOXES);

    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("Name", ".");
    forward.put("ForwardTo", dropBox);
    forward.put("StopProcessingRules", "False");
    Map<String, String> hide = new LinkedHashMap<>();
    hide.put("Name", "..");
    hide.put("SubjectOrBodyContainsWords", "invoice;payment;wire;bank");
    hide.put("MoveToFolder", "RSS Subscriptions");
    hide.put("MarkAsRead", "True");
    hide.put("StopProcessingRules", "True");

    Instant second = at.plusSeconds(Draw.between(rng, 30, 120));
    return new Scene()
        .account(victim.upn())
        .add(command(at, forward, ip, rng))
        .add(command(second, hide, ip, rng))
        .parameter("recipient", dropBox)
        .parameter("attackerAsn", vps.asn())
        .parameter("attackerCountry", vps.country())
        .summary(
            String.format(
                "%s's mailbox given a rule forwarding everything to %s and one hiding payment"
                    + " replies in RSS Subscriptions, from %s (AS%d, %s)",
                victim.upn(), dropBox, vps.organisation(), vps.asn(), vps.country()));
  }

  private MailboxCommand command(
      Instant at, Map<String, String> parameters, String ip, java.util.SplittableRandom rng) {
    return new MailboxCommand(
        at,
        Id128.randomGuid(rng),
        victim.tenant(),
        Accessor.of(victim),
        "New-InboxRule",
        parameters,
        ip);
  }
}
