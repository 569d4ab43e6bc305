package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.random.Allocation;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Bulk collection through the victim's own session, tokens, client and address, as from a
 * compromised device or an insider (T1114.002): 2,000–5,000 items in records of 20–60 within 30–60
 * minutes. Nothing but the volume differs from the victim's normal records: a laptop reads from
 * home, a phone keeps hopping inside its carrier as its owner's does.
 */
final class MassMailReadScript implements PlaceableAttack {

  private static final Duration SHORTEST = Duration.ofMinutes(30);

  private User victim;

  @Override
  public ScenarioType type() {
    return ScenarioType.MASS_MAIL_READ;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    victim = call.cast(Roles.laptopWorker("the owner of a mailbox collected in bulk"));
  }

  @Override
  public Scene perform(Performance p) {
    ActivePeriod period = p.workPeriod(victim);
    return collect(
        victim, period, period.start().plus(Duration.ofMinutes(30)), period.end(), p.rng());
  }

  /** Any user's mailbox while its owner is active inside the window, once they settled in. */
  @Override
  public Optional<Scene> place(AttackSite site, SplittableRandom rng) {
    List<AttackSite.Stretch> stretches = site.activeStretches(Duration.ofMinutes(5), SHORTEST);
    if (stretches.isEmpty()) {
      return Optional.empty();
    }
    AttackSite.Stretch s = Draw.oneOf(rng, stretches);
    return Optional.of(collect(s.victim(), s.period(), s.from(), s.to(), rng));
  }

  /** The collection, all inside {@code [from, to)} of {@code period}. */
  private static Scene collect(
      User victim, ActivePeriod period, Instant from, Instant to, SplittableRandom rng) {
    Duration duration = Duration.ofMinutes(Draw.between(rng, 30, 60));
    if (duration.compareTo(Duration.between(from, to)) > 0) {
      duration = Duration.between(from, to);
    }
    Instant start = Acts.between(rng, from, to.minus(duration));
    int total = Draw.between(rng, 2000, 5000);
    int parts = Allocation.partsFor(total, 40, 20, 60);
    Allocation items = new Allocation(rng, total, parts, 20, 60);
    Roaming address = new Roaming(victim, period, start, rng);
    Scene scene = new Scene().account(victim.upn());
    for (long second : Acts.spread(rng, start, duration.toSeconds(), parts)) {
      Instant at = Instant.ofEpochSecond(second);
      scene.add(
          Acts.ownBind(
              victim,
              at,
              items.next(),
              address.at(at),
              period.sessionId(),
              period.grantAt(at),
              rng));
    }
    return scene
        .parameter("items", total)
        .parameter("minutes", duration.toMinutes())
        .parameter("usualItemsPerHour", victim.itemsPerHour())
        .summary(
            String.format(
                "%s's own session read %d items in %d minutes from %s (usually %d an hour)",
                victim.upn(),
                total,
                duration.toMinutes(),
                period.homeIp() != null ? "home" : "the phone's carrier",
                victim.itemsPerHour()));
  }

  /** The victim's address: home all along, or a phone's, hopping inside the carrier. */
  private static final class Roaming {
    private final User victim;
    private final SplittableRandom rng;
    private String ip;
    private Instant nextHop;

    Roaming(User victim, ActivePeriod period, Instant start, SplittableRandom rng) {
      this.victim = victim;
      this.rng = rng;
      this.ip = period.homeIp();
      if (ip == null) {
        ip = victim.carrier().randomAddress(rng);
        nextHop = start.plus(Draw.between(rng, Duration.ofMinutes(5), Duration.ofMinutes(20)));
      }
    }

    String at(Instant at) {
      if (nextHop != null && !at.isBefore(nextHop)) {
        ip = victim.carrier().randomAddress(rng);
        nextHop = at.plus(Draw.between(rng, Duration.ofMinutes(5), Duration.ofMinutes(20)));
      }
      return ip;
    }
  }
}
