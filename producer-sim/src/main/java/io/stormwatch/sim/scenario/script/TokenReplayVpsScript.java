package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.random.Allocation;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A stolen token replayed from a VPS abroad while the victim keeps using it at home: 3–10 binds
 * totalling 9–149 items within 5–30 minutes, same uti, session, client app and client string as the
 * victim's. In the library it plays in the VPN tenant, where a cloud ASN (the corporate Zscaler) is
 * everyday traffic, so "hosting ASN" alone cannot tell the two apart; the VPS is new for the
 * account and rare in the tenant. The volume is deliberately small so that only the second network
 * gives the attack away.
 */
final class TokenReplayVpsScript implements PlaceableAttack {

  /** The shortest stretch of a token's life the demo places a replay in. */
  private static final Duration SHORTEST_OPENING = Duration.ofMinutes(10);

  private User victim;

  @Override
  public ScenarioType type() {
    return ScenarioType.TOKEN_REPLAY_VPS;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    victim = call.cast(Roles.laptopWorker("the victim of a token replay"));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(victim);
    var opening =
        TokenOpenings.pick(
            rng,
            period,
            Duration.ofMinutes(12),
            period.start().plus(Duration.ofMinutes(45)),
            victim.upn());
    return replay(
        victim, period, opening.token(), opening.from(), opening.to(), p.stage().catalogue(), rng);
  }

  /** Any home user's token, while it is valid and its owner active inside the window. */
  @Override
  public Optional<Scene> place(AttackSite site, SplittableRandom rng) {
    record Opening(User victim, ActivePeriod period, TokenGrant token, Instant from, Instant to) {}
    List<Opening> openings = new ArrayList<>();
    for (UserPlan plan : site.plans()) {
      if (plan.user().client().isMobile()) {
        continue; // the victim must be at home, on one network, for the replay to stand out
      }
      for (ActivePeriod period : plan.periods()) {
        for (TokenGrant token : period.grants()) {
          Instant from =
              AttackSite.later(token.issuedAt().plus(Duration.ofMinutes(2)), site.earliest());
          Instant to =
              AttackSite.earlier(
                  AttackSite.earlier(token.expiresAt().minus(Duration.ofMinutes(1)), period.end()),
                  site.end());
          if (Duration.between(from, to).compareTo(SHORTEST_OPENING) >= 0) {
            openings.add(new Opening(plan.user(), period, token, from, to));
          }
        }
      }
    }
    if (openings.isEmpty()) {
      return Optional.empty();
    }
    Opening o = Draw.oneOf(rng, openings);
    return Optional.of(
        replay(o.victim(), o.period(), o.token(), o.from(), o.to(), site.catalogue(), rng));
  }

  /** The replay of {@code token} somewhere in {@code [from, to)}. */
  private static Scene replay(
      User victim,
      ActivePeriod period,
      TokenGrant token,
      Instant from,
      Instant to,
      NetworkCatalogue catalogue,
      SplittableRandom rng) {
    long span = Duration.between(from, to).toSeconds();
    Duration duration =
        Draw.between(rng, Duration.ofMinutes(5), Duration.ofSeconds(Math.min(span, 1800)));
    Instant start = from.plusSeconds(rng.nextLong(span - duration.toSeconds() + 1));
    Network vps = Acts.hostingAbroad(rng, catalogue, victim.homeIsp().country());
    String ip = vps.randomAddress(rng);
    int records = Draw.between(rng, 3, 10);
    int total = Draw.between(rng, records * 3, Math.min(149, records * 14));
    Allocation items = new Allocation(rng, total, records, 1, 25);

    Scene scene = new Scene().account(victim.upn());
    for (long second : Acts.spread(rng, start, duration.toSeconds(), records)) {
      scene.add(
          Acts.ownBind(
              victim,
              Instant.ofEpochSecond(second),
              items.next(),
              ip,
              period.sessionId(),
              token,
              rng));
    }
    return scene
        .parameter("victimAsn", victim.homeIsp().asn())
        .parameter("attackerAsn", vps.asn())
        .parameter("attackerCountry", vps.country())
        .parameter("attackerIp", ip)
        .parameter("binds", records)
        .parameter("items", total)
        .parameter("uniqueTokenId", token.uti().asUti())
        .summary(
            String.format(
                "token %s of %s replayed from %s AS%d (%s) while the victim uses it from AS%d:"
                    + " %d binds, %d items",
                token.uti().asUti(),
                victim.upn(),
                vps.organisation(),
                vps.asn(),
                vps.country(),
                victim.homeIsp().asn(),
                records,
                total));
  }
}
