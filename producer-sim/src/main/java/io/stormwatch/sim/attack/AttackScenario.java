package io.stormwatch.sim.attack;

import java.util.Optional;
import java.util.SplittableRandom;

/** Places one attack of a type in a tenant. */
interface AttackScenario {

  AttackType type();

  /**
   * Chooses a victim and a time and produces the attacker's records.
   *
   * @return the attack, or empty when no user is active long enough inside the attack window
   */
  Optional<InjectedAttack> inject(
      String attackId, TenantAttackContext context, SplittableRandom rng);
}
