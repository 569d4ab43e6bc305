package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailboxCommand;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forwarding that stays inside the tenant: a leaver's mailbox forwarded to their manager by an
 * administrator ({@code Set-Mailbox -ForwardingSmtpAddress}, no copy kept), and a user's rule
 * forwarding invoices to the accounts-payable mailbox. Both recipients are in the tenant's own
 * domain.
 */
final class InternalForwardingScript implements ScenarioScript {

  private User leaver;
  private User manager;
  private User clerk;

  @Override
  public ScenarioType type() {
    return ScenarioType.INTERNAL_MAIL_FORWARDING;
  }

  @Override
  public int actorCount() {
    return 3;
  }

  @Override
  public void cast(CastingCall call) {
    leaver = call.cast(Roles.laptopWorker("a leaver whose mail goes to their manager"));
    manager = call.cast(Roles.laptopWorker("the manager who forwards the leaver's mailbox"));
    clerk = call.cast(Roles.laptopWorker("a clerk forwarding invoices to accounts payable"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod managerDay = p.workPeriod(manager);
    Instant forwardAt =
        Acts.between(rng, managerDay.start().plus(Duration.ofMinutes(10)), managerDay.end());
    Map<String, String> mailbox = new LinkedHashMap<>();
    mailbox.put("Identity", leaver.upn());
    mailbox.put("ForwardingSmtpAddress", "smtp:" + manager.upn());
    mailbox.put("DeliverToMailboxAndForward", "False");

    ActivePeriod clerkDay = p.workPeriod(clerk);
    Instant ruleAt =
        Acts.between(rng, clerkDay.start().plus(Duration.ofMinutes(10)), clerkDay.end());
    String payables = "accounts.payable@" + clerk.tenant().domain();
    Map<String, String> rule = new LinkedHashMap<>();
    rule.put("Name", "Invoices to accounts payable");
    rule.put("SubjectContainsWords", "invoice");
    rule.put("ForwardTo", payables);

    return new Scene()
        .account(manager.upn())
        .account(clerk.upn())
        .add(command(forwardAt, manager, "Set-Mailbox", mailbox, managerDay, rng))
        .add(command(ruleAt, clerk, "New-InboxRule", rule, clerkDay, rng))
        .summary(
            String.format(
                "%s forwarded to %s, who manages it; %s forwarding invoices to %s",
                leaver.upn(), manager.upn(), clerk.upn(), payables));
  }

  private static MailboxCommand command(
      Instant at,
      User actor,
      String cmdlet,
      Map<String, String> parameters,
      ActivePeriod period,
      java.util.SplittableRandom rng) {
    String ip = period.homeIp() != null ? period.homeIp() : actor.carrier().randomAddress(rng);
    return new MailboxCommand(
        at, Id128.randomGuid(rng), actor.tenant(), Accessor.of(actor), cmdlet, parameters, ip);
  }
}
