package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.random.Allocation;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;

/**
 * Bulk collection through the victim's own session, tokens, client and home address, as from a
 * compromised laptop or an insider (T1114.002): 2,000–5,000 items in records of 20–60 within 30–60
 * minutes. Nothing but the volume differs from the victim's normal records. Shape after the
 * simulator's own mass-read attack.
 */
final class MassMailReadScript implements ScenarioScript {

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
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(victim);
    Duration duration = Duration.ofMinutes(Draw.between(rng, 30, 60));
    Instant start =
        Acts.between(
            rng, period.start().plus(Duration.ofMinutes(30)), period.end().minus(duration));
    int total = Draw.between(rng, 2000, 5000);
    int parts = Allocation.partsFor(total, 40, 20, 60);
    Allocation items = new Allocation(rng, total, parts, 20, 60);
    Scene scene = new Scene().account(victim.upn());
    for (long second : Acts.spread(rng, start, duration.toSeconds(), parts)) {
      Instant at = Instant.ofEpochSecond(second);
      scene.add(
          Acts.ownBind(
              victim,
              at,
              items.next(),
              period.homeIp(),
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
                "%s's own session read %d items in %d minutes from home (usually %d an hour)",
                victim.upn(), total, duration.toMinutes(), victim.itemsPerHour()));
  }
}
