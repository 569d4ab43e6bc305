package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.random.Allocation;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Mailbox access with a token no sign-in issued, as with Storm-0558's forged tokens: a fresh uti
 * with either no Entra session or one Entra never saw, presented from a VPS by a REST client whose
 * app id the tenant never used. A few probing binds, then 1,000–3,000 items in records of 20–60
 * within 30–60 minutes. In the library it ends at least four hours before the run does, so a rule
 * that waits 90 minutes of event time for a late sign-in has time to decide.
 */
final class ForgedTokenScript implements PlaceableAttack {

  /** The attacker's REST client: an app id no simulated tenant uses. */
  static final String ROGUE_APP_ID = "b6a1d0f3-2c7e-4f59-8e14-9d3c5a7b1e62";

  static final String REST_CLIENT_INFO = "Client=REST;Client=RESTSystem;;";

  private static final Duration SHORTEST = Duration.ofMinutes(30);

  private User victim;

  @Override
  public ScenarioType type() {
    return ScenarioType.FORGED_TOKEN_BULK_REST;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    victim = call.cast(Roles.laptopWorker("the owner of a mailbox read with a forged token"));
  }

  @Override
  public Scene perform(Performance p) {
    ActivePeriod period = p.workPeriod(victim);
    Instant latestEnd = p.stage().dayEnd().minus(Duration.ofHours(4));
    Instant from = period.start().plus(Duration.ofMinutes(30));
    Instant to = period.end().isBefore(latestEnd) ? period.end() : latestEnd;
    return read(victim, from, to, p.stage().catalogue(), p.rng());
  }

  /**
   * Any user's mailbox, the reads starting while its owner is active inside the window (a forged
   * token needs no victim at work; an active one hides the reads among their own).
   */
  @Override
  public Optional<Scene> place(AttackSite site, SplittableRandom rng) {
    List<AttackSite.Stretch> openings = new ArrayList<>();
    for (UserPlan plan : site.plans()) {
      for (ActivePeriod period : plan.periods()) {
        Instant from = AttackSite.later(period.start(), site.earliest());
        Instant latestStart = AttackSite.earlier(period.end(), site.end().minus(SHORTEST));
        if (from.isBefore(latestStart)) {
          openings.add(
              new AttackSite.Stretch(plan.user(), period, from, latestStart.plus(SHORTEST)));
        }
      }
    }
    if (openings.isEmpty()) {
      return Optional.empty();
    }
    AttackSite.Stretch s = Draw.oneOf(rng, openings);
    return Optional.of(read(s.victim(), s.from(), s.to(), site.catalogue(), rng));
  }

  /** The forged token's reads, all inside {@code [from, to)}. */
  private static Scene read(
      User victim, Instant from, Instant to, NetworkCatalogue catalogue, SplittableRandom rng) {
    Duration duration = Duration.ofMinutes(Draw.between(rng, 30, 60));
    if (duration.compareTo(Duration.between(from, to)) > 0) {
      duration = Duration.between(from, to);
    }
    Instant start = Acts.between(rng, from, to.minus(duration));

    Id128 uti = Id128.randomBytes(rng);
    boolean unknownSession = Draw.chance(rng, 0.5);
    Id128 sessionId = unknownSession ? Id128.randomGuid(rng) : null;
    Instant issuedAt =
        start.minus(Duration.ofMinutes(Draw.between(rng, 1, 10))).truncatedTo(ChronoUnit.SECONDS);
    Network vps = Acts.hostingAbroad(rng, catalogue, victim.homeIsp().country());
    String ip = vps.randomAddress(rng);
    Scene scene = new Scene().account(victim.upn());

    int probes = Draw.between(rng, 3, 5);
    long probeSeconds = Math.min(480, duration.toSeconds() / 4);
    int probed = 0;
    for (long second : Acts.spread(rng, start, probeSeconds, probes)) {
      int items = Draw.between(rng, 1, 5);
      probed += items;
      scene.add(
          bind(victim, Instant.ofEpochSecond(second), items, ip, sessionId, uti, issuedAt, rng));
    }
    int bulkTotal = Draw.between(rng, 1000, 3000) - probed;
    int parts = Allocation.partsFor(bulkTotal, 40, 20, 60);
    Allocation bulk = new Allocation(rng, bulkTotal, parts, 20, 60);
    for (long second :
        Acts.spread(
            rng, start.plusSeconds(probeSeconds), duration.toSeconds() - probeSeconds, parts)) {
      scene.add(
          bind(
              victim,
              Instant.ofEpochSecond(second),
              bulk.next(),
              ip,
              sessionId,
              uti,
              issuedAt,
              rng));
    }
    int total = probed + bulkTotal;
    return scene
        .parameter("uniqueTokenId", uti.asUti())
        .parameter("session", unknownSession ? "unknown " + sessionId.asGuid() : "none")
        .parameter("clientAppId", ROGUE_APP_ID)
        .parameter("attackerAsn", vps.asn())
        .parameter("attackerCountry", vps.country())
        .parameter("probes", probes)
        .parameter("items", total)
        .parameter("minutes", duration.toMinutes())
        .summary(
            String.format(
                "unissued token %s (%s) read %s's mailbox from %s AS%d (%s) with app %s: %d items"
                    + " in %d minutes",
                uti.asUti(),
                unknownSession ? "unknown session" : "no session",
                victim.upn(),
                vps.organisation(),
                vps.asn(),
                vps.country(),
                ROGUE_APP_ID,
                total,
                duration.toMinutes()));
  }

  private static MailboxAccess bind(
      User victim,
      Instant at,
      int items,
      String ip,
      Id128 sessionId,
      Id128 uti,
      Instant issued,
      SplittableRandom rng) {
    return Acts.bind(
        victim, at, items, ROGUE_APP_ID, REST_CLIENT_INFO, ip, sessionId, uti, issued, rng);
  }
}
