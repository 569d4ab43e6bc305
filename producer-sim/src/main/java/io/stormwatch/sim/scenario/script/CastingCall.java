package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.scenario.stage.Casting;
import io.stormwatch.sim.scenario.stage.Role;
import io.stormwatch.sim.scenario.stage.Stage;
import io.stormwatch.sim.scenario.stage.StagedTenant;
import io.stormwatch.sim.world.User;
import java.util.SplittableRandom;

/**
 * What a script may use while casting.
 *
 * @param instance the instance number, from 1
 * @param tenant the tenant it plays in
 * @param stage the whole stage
 * @param casting hands out actors
 * @param rng the instance's random stream, continued by {@link Performance}
 */
public record CastingCall(
    int instance, StagedTenant tenant, Stage stage, Casting casting, SplittableRandom rng) {

  /** Casts one actor of this call's tenant. */
  public User cast(Role role) {
    return casting.cast(tenant, role);
  }
}
