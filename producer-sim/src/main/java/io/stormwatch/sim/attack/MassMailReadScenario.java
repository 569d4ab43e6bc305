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
 * Bulk collection through the victim's own session, tokens and network, as from a compromised
 * device or an insider: 2,000–5,000 items within 30–60 minutes, far above any benign band.
 *
 * <p>Nothing but the volume differs from the victim's normal records, so only a burst rule can see
 * it.
 */
final class MassMailReadScenario implements AttackScenario {

  static final int MIN_TOTAL_ITEMS = 2_000;
  static final int MAX_TOTAL_ITEMS = 5_000;
  static final Duration MIN_DURATION = Duration.ofMinutes(30);
  static final Duration MAX_DURATION = Duration.ofMinutes(60);
  private static final Duration SETTLE_IN = Duration.ofMinutes(5);
  private static final int BULK_MIN = 20;
  private static final int BULK_MAX = 60;
  private static final double BULK_MEAN = 40;

  private record Opening(User victim, ActivePeriod period, Instant from, Instant to) {}

  @Override
  public AttackType type() {
    return AttackType.MASS_MAIL_READ;
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
    ActivePeriod period = opening.period();
    long span = Duration.between(opening.from(), opening.to()).toSeconds();
    Duration duration =
        Draw.between(
            rng, MIN_DURATION, Duration.ofSeconds(Math.min(span, MAX_DURATION.toSeconds())));
    Instant start = opening.from().plusSeconds(rng.nextLong(span - duration.toSeconds() + 1));

    int total = Draw.between(rng, MIN_TOTAL_ITEMS, MAX_TOTAL_ITEMS);
    int records = Allocation.partsFor(total, BULK_MEAN, BULK_MIN, BULK_MAX);
    Allocation items = new Allocation(rng, total, records, BULK_MIN, BULK_MAX);
    Network network = victim.usualNetwork();
    String ip = period.homeIp() != null ? period.homeIp() : network.randomAddress(rng);
    Instant nextHop = start.plus(Draw.between(rng, Duration.ofMinutes(5), Duration.ofMinutes(20)));

    AttackRecords out = new AttackRecords(attackId, type(), victim, rng);
    for (long second : AttackRecords.spread(rng, start, duration.toSeconds(), records)) {
      Instant at = Instant.ofEpochSecond(second);
      if (period.homeIp() == null && !at.isBefore(nextHop)) {
        // A compromised phone keeps hopping inside its carrier like the owner's does.
        ip = network.randomAddress(rng);
        nextHop = at.plus(Draw.between(rng, Duration.ofMinutes(5), Duration.ofMinutes(20)));
      }
      TokenGrant token = period.grantAt(at);
      out.bind(
          at,
          items.next(),
          victim.client().app().appId(),
          victim.client().clientInfoString(),
          ip,
          network,
          period.sessionId(),
          token.uti(),
          token.issuedAt());
    }
    context.markVictim(victim);
    return Optional.of(
        out.build(
            String.format(
                "%s's own session read %d items in %d binds within %d minutes from %s AS%d (%s)",
                victim.upn(),
                out.itemCount(),
                out.recordCount(),
                duration.toMinutes(),
                network.organisation(),
                network.asn(),
                network.country())));
  }

  /** Active periods with at least 30 minutes inside the window, after the victim settled in. */
  private static List<Opening> openings(TenantAttackContext context) {
    AttackWindow window = context.window();
    List<Opening> openings = new ArrayList<>();
    for (UserPlan plan : context.availablePlans()) {
      for (ActivePeriod period : plan.periods()) {
        Instant from = later(period.start().plus(SETTLE_IN), window.earliest());
        Instant to = earlier(period.end(), window.end());
        if (atLeast(from, to, MIN_DURATION)) {
          openings.add(new Opening(plan.user(), period, from, to));
        }
      }
    }
    return openings;
  }
}
