package io.stormwatch.sim.scenario.stage;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.util.Optional;

/**
 * A user who might be cast, with their scenario day as planned.
 *
 * @param user the user, before any costume
 * @param dayPlan their activity on the scenario day
 * @param stage their tenant
 * @param world the whole stage
 */
public record Candidate(User user, UserPlan dayPlan, StagedTenant stage, Stage world) {

  /** The shortest working period a scenario builds on. */
  static final Duration FULL_DAY = Duration.ofHours(7);

  /**
   * The user's working period on the scenario day, if it is a full one that starts and ends inside
   * the day with room to spare: scenarios need its tokens and its hours.
   */
  public Optional<ActivePeriod> workPeriod() {
    return workPeriodOf(dayPlan, world);
  }

  public boolean worksFullDay() {
    return workPeriod().isPresent();
  }

  /** See {@link #workPeriod()}. */
  public static Optional<ActivePeriod> workPeriodOf(UserPlan plan, Stage world) {
    return plan.periods().stream()
        .filter(ActivePeriod::startOfDay)
        .filter(p -> Duration.between(p.start(), p.end()).compareTo(FULL_DAY) >= 0)
        .filter(p -> !p.start().isBefore(world.dayStart().plus(Duration.ofHours(1))))
        .filter(p -> !p.end().isAfter(world.dayEnd().minus(Duration.ofMinutes(30))))
        .findFirst();
  }
}
