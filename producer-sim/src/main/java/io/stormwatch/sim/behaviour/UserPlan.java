package io.stormwatch.sim.behaviour;

import io.stormwatch.sim.world.User;
import java.util.List;

/**
 * A user's activity periods inside the simulated window, in time order.
 *
 * @param user whose plan it is
 * @param periods non-overlapping periods in time order
 */
public record UserPlan(User user, List<ActivePeriod> periods) {
  public UserPlan {
    periods = List.copyOf(periods);
  }
}
