package io.stormwatch.sim.attack;

import static io.stormwatch.sim.attack.AttackWindow.atLeast;
import static io.stormwatch.sim.attack.AttackWindow.earlier;
import static io.stormwatch.sim.attack.AttackWindow.later;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.random.Allocation;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A stolen token replayed from a VPS while its owner keeps using it from home.
 *
 * <p>The attacker presents the victim's token T (same uti, same session, same first-party app and
 * client string) for 3–10 Bind records totalling fewer than 150 items, all inside T's lifetime and
 * while the victim is active. The volume is deliberately small so that only the second network, in
 * a hosting ASN and usually another country, gives the attack away.
 */
final class TokenReplayScenario implements AttackScenario {

  static final int MIN_RECORDS = 3;
  static final int MAX_RECORDS = 10;
  static final int MAX_TOTAL_ITEMS = 149;
  private static final Duration SHORTEST_OPENING = Duration.ofMinutes(10);
  private static final Duration MIN_DURATION = Duration.ofMinutes(5);
  private static final Duration MAX_DURATION = Duration.ofMinutes(30);

  private record Opening(
      User victim, ActivePeriod period, TokenGrant token, Instant from, Instant to) {}

  @Override
  public AttackType type() {
    return AttackType.TOKEN_REPLAY;
  }

  @Override
  public Optional<InjectedAttack> inject(
      String attackId, TenantAttackContext context, SplittableRandom rng) {
    List<Opening> openings = openings(context);
    if (openings.isEmpty()) {
      return Optional.empty();
    }
    Opening opening = Draw.oneOf(rng, openings);
    User victim = opening.victim();
    long span = Duration.between(opening.from(), opening.to()).toSeconds();
    Duration duration = Draw.between(rng, MIN_DURATION, capped(span));
    Instant start = opening.from().plusSeconds(rng.nextLong(span - duration.toSeconds() + 1));

    Network network = context.attackerNetwork(rng, victim.usualNetwork().country());
    String ip = network.randomAddress(rng);
    int records = Draw.between(rng, MIN_RECORDS, MAX_RECORDS);
    int total = Draw.between(rng, records * 3, Math.min(MAX_TOTAL_ITEMS, records * 14));
    Allocation items = new Allocation(rng, total, records, 1, 25);

    AttackRecords out = new AttackRecords(attackId, type(), victim, rng);
    TokenGrant token = opening.token();
    for (long second : AttackRecords.spread(rng, start, duration.toSeconds(), records)) {
      out.bind(
          Instant.ofEpochSecond(second),
          items.next(),
          victim.client().app().appId(),
          victim.client().clientInfoString(),
          ip,
          network,
          opening.period().sessionId(),
          token.uti(),
          token.issuedAt());
    }
    context.markVictim(victim);
    return Optional.of(
        out.build(
            String.format(
                "Token %s of %s replayed from %s AS%d (%s) %s: %d binds, %d items",
                token.uti().asUti(),
                victim.upn(),
                network.organisation(),
                network.asn(),
                network.country(),
                ip,
                out.recordCount(),
                out.itemCount())));
  }

  private static Duration capped(long spanSeconds) {
    return Duration.ofSeconds(Math.min(spanSeconds, MAX_DURATION.toSeconds()));
  }

  /** Token lifetimes, inside the window, in which a home user is active for at least 10 minutes. */
  private static List<Opening> openings(TenantAttackContext context) {
    AttackWindow window = context.window();
    List<Opening> openings = new ArrayList<>();
    for (UserPlan plan : context.availablePlans()) {
      if (plan.user().client().isMobile()) {
        continue; // the victim must be at home, on one network, for the replay to stand out
      }
      for (ActivePeriod period : plan.periods()) {
        for (TokenGrant token : period.grants()) {
          Instant from = later(token.issuedAt().plus(Duration.ofMinutes(2)), window.earliest());
          Instant to =
              earlier(
                  earlier(token.expiresAt().minus(Duration.ofMinutes(1)), period.end()),
                  window.end());
          if (atLeast(from, to, SHORTEST_OPENING)) {
            openings.add(new Opening(plan.user(), period, token, from, to));
          }
        }
      }
    }
    return openings;
  }
}
