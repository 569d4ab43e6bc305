package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the demo's simulator places an attack in one tenant: the users who may fall victim, with
 * their planned activity, the window attacks happen in, and the networks attackers rent.
 *
 * @param plans the plans of the users no earlier attack chose, in user order
 * @param earliest no attack record is earlier (the detectors' warm-up ends here)
 * @param end the simulated period's end, exclusive
 * @param catalogue the networks of the simulated world
 */
public record AttackSite(
    List<UserPlan> plans, Instant earliest, Instant end, NetworkCatalogue catalogue) {

  public AttackSite {
    plans = List.copyOf(plans);
  }

  /**
   * A stretch of a victim's activity inside the window.
   *
   * @param victim whose activity
   * @param period the active period it lies in
   * @param from start of the stretch
   * @param to end of the stretch, exclusive
   */
  public record Stretch(User victim, ActivePeriod period, Instant from, Instant to) {}

  /**
   * Every stretch of activity inside the window at least {@code length} long, starting {@code
   * settleIn} after its period does.
   */
  public List<Stretch> activeStretches(Duration settleIn, Duration length) {
    List<Stretch> stretches = new ArrayList<>();
    for (UserPlan plan : plans) {
      for (ActivePeriod period : plan.periods()) {
        Instant from = later(period.start().plus(settleIn), earliest);
        Instant to = earlier(period.end(), end);
        if (Duration.between(from, to).compareTo(length) >= 0) {
          stretches.add(new Stretch(plan.user(), period, from, to));
        }
      }
    }
    return stretches;
  }

  static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
