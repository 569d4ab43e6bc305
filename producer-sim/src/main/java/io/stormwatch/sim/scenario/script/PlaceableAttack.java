package io.stormwatch.sim.scenario.script;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An attack script the demo's simulator can also place among a tenant's users without casting
 * anyone: it picks its victim and its time from the users' planned activity inside the attack
 * window, then plays exactly as it does in the scenario library.
 */
public interface PlaceableAttack extends ScenarioScript {

  /**
   * Chooses a victim and a time and plays the attack.
   *
   * @param rng the attack's own random stream
   * @return the attack, or empty when no user is active long enough inside the window
   */
  Optional<Scene> place(AttackSite site, SplittableRandom rng);
}
