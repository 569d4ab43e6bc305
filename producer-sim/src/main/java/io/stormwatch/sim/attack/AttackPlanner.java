package io.stormwatch.sim.attack;

import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.random.Seeds;
import io.stormwatch.sim.random.StreamLabel;
import io.stormwatch.sim.truth.UnplacedAttack;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Places the requested attacks in each tenant.
 *
 * <p>Attack {@code n} of a type in a tenant draws from its own stream (tenant seed, type, n), its
 * victim is an active user no other attack in the tenant chose, and all its records fall inside the
 * attack window.
 */
public final class AttackPlanner {

  private static final List<AttackScenario> SCENARIOS =
      List.of(new TokenReplayScenario(), new ForgedTokenScenario(), new MassMailReadScenario());

  private final Set<AttackType> types;
  private final int perType;
  private final AttackWindow window;
  private final NetworkCatalogue catalogue;

  /**
   * @param types attack types to inject
   * @param perType attacks of each type per tenant
   * @param window when attack records may occur
   * @param catalogue networks the attackers rent from
   */
  public AttackPlanner(
      Set<AttackType> types, int perType, AttackWindow window, NetworkCatalogue catalogue) {
    this.types = Set.copyOf(types);
    this.perType = perType;
    this.window = window;
    this.catalogue = catalogue;
  }

  /**
   * The attacks of one tenant.
   *
   * @param tenant the tenant
   * @param plans its users' plans, in user order
   */
  public TenantAttacks plan(Tenant tenant, List<UserPlan> plans) {
    TenantAttackContext context = new TenantAttackContext(tenant, plans, window, catalogue);
    List<InjectedAttack> placed = new ArrayList<>();
    List<UnplacedAttack> unplaced = new ArrayList<>();
    for (AttackScenario scenario : SCENARIOS) {
      if (!types.contains(scenario.type())) {
        continue;
      }
      for (int n = 1; n <= perType; n++) {
        String attackId = scenario.type().slug() + "-" + tenant.name() + "-" + n;
        SplittableRandom rng =
            Seeds.stream(tenant.seed(), StreamLabel.ATTACK, scenario.type().ordinal(), n);
        Optional<InjectedAttack> attack = scenario.inject(attackId, context, rng);
        if (attack.isPresent()) {
          placed.add(attack.get());
        } else {
          unplaced.add(
              new UnplacedAttack(
                  attackId,
                  scenario.type(),
                  tenant.tenantId(),
                  tenant.name(),
                  "no user of "
                      + tenant.name()
                      + " is active long enough between "
                      + window.earliest()
                      + " and "
                      + window.end()));
        }
      }
    }
    return new TenantAttacks(placed, unplaced);
  }

  /**
   * One tenant's attacks.
   *
   * @param placed attacks with their records
   * @param unplaced attacks that found no room
   */
  public record TenantAttacks(List<InjectedAttack> placed, List<UnplacedAttack> unplaced) {}
}
