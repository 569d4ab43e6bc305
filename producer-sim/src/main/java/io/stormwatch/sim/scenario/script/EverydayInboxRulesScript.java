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

/**
 * Inbox rules people make for themselves: newsletters filed into a Newsletters folder and marked
 * read, and one shop's promotions deleted, each under a real name, from the user's own network.
 */
final class EverydayInboxRulesScript implements ScenarioScript {

  private User user;

  @Override
  public ScenarioType type() {
    return ScenarioType.EVERYDAY_INBOX_RULES;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    user = call.cast(Roles.laptopWorker("a user tidying their inbox with rules"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(user);
    Instant first =
        Acts.between(
            rng, period.start().plus(Duration.ofMinutes(10)), period.end().minusSeconds(600));
    Map<String, String> newsletters = new LinkedHashMap<>();
    newsletters.put("Name", "Newsletters");
    newsletters.put("FromAddressContainsWords", "newsletter;digest");
    newsletters.put("MoveToFolder", "Newsletters");
    newsletters.put("MarkAsRead", "True");
    Map<String, String> promotions = new LinkedHashMap<>();
    promotions.put("Name", "Delete Fabrikam Outlet promotions");
    promotions.put("From", "offers@fabrikam-outlet.example");
    promotions.put("DeleteMessage", "True");
    String ip = period.homeIp() != null ? period.homeIp() : user.carrier().randomAddress(rng);
    return new Scene()
        .account(user.upn())
        .add(rule(first, newsletters, ip, rng))
        .add(rule(first.plusSeconds(Draw.between(rng, 60, 500)), promotions, ip, rng))
        .summary(
            String.format(
                "%s files newsletters into Newsletters and deletes one shop's promotions",
                user.upn()));
  }

  private MailboxCommand rule(
      Instant at, Map<String, String> parameters, String ip, java.util.SplittableRandom rng) {
    return new MailboxCommand(
        at,
        Id128.randomGuid(rng),
        user.tenant(),
        Accessor.of(user),
        "New-InboxRule",
        parameters,
        ip);
  }
}
