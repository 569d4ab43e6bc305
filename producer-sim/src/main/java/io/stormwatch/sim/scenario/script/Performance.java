package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.UserActivityCursor;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.scenario.stage.Candidate;
import io.stormwatch.sim.scenario.stage.Stage;
import io.stormwatch.sim.scenario.stage.StagedTenant;
import io.stormwatch.sim.world.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a script may use while performing.
 *
 * @param tenant the tenant it plays in
 * @param stage the whole stage
 * @param rng the instance's random stream, continued from casting
 * @param history every user's sparse history, by UPN
 */
public record Performance(
    StagedTenant tenant, Stage stage, SplittableRandom rng, Map<String, List<SimEvent>> history) {

  /** The actor's full working period on the scenario day (casting guaranteed one). */
  public ActivePeriod workPeriod(User user) {
    return Candidate.workPeriodOf(tenant.dayPlan(user), stage)
        .orElseThrow(() -> new IllegalStateException(user + " has no working day"));
  }

  /** The user's background activity on the scenario day, as the simulator generates it. */
  public List<SimEvent> dayActivity(User user) {
    UserActivityCursor cursor = new UserActivityCursor(tenant.dayPlan(user));
    List<SimEvent> out = new ArrayList<>();
    cursor.emitBefore(stage.dayEnd(), out);
    return out;
  }

  /** The user's sparse history. */
  public List<SimEvent> historyOf(User user) {
    return history.getOrDefault(user.upn(), List.of());
  }
}
