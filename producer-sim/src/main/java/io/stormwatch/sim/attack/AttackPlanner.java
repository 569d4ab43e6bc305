package io.stormwatch.sim.attack;

import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Seeds;
import io.stormwatch.sim.random.StreamLabel;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.script.AttackSite;
import io.stormwatch.sim.scenario.script.PlaceableAttack;
import io.stormwatch.sim.scenario.script.Scene;
import io.stormwatch.sim.scenario.script.ScriptCatalogue;
import io.stormwatch.sim.truth.UnplacedAttack;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Places the demo's attacks in each tenant: the scenario library's attack scripts, each choosing
 * its victim and time among the tenant's planned activity instead of casting.
 *
 * <p>Attack {@code n} of a type in a tenant draws from its own stream (tenant seed, the type's
 * place in {@link #ATTACKS}, n), its victim is a user no other attack in the tenant chose, so
 * labels stay unambiguous, and all its records fall inside the attack window.
 */
public final class AttackPlanner {

  /** The attacks the demo can place, in placing order; the order numbers their random streams. */
  public static final List<ScenarioType> ATTACKS =
      List.of(
          ScenarioType.TOKEN_REPLAY_VPS,
          ScenarioType.FORGED_TOKEN_BULK_REST,
          ScenarioType.MASS_MAIL_READ);

  private final Set<ScenarioType> types;
  private final int perType;
  private final Instant earliest;
  private final Instant end;
  private final NetworkCatalogue catalogue;

  /**
   * @param types attack types to place, among {@link #ATTACKS}
   * @param perType attacks of each type per tenant
   * @param earliest no attack record is earlier
   * @param end end of the simulated period, exclusive
   * @param catalogue networks the attackers rent from
   */
  public AttackPlanner(
      Set<ScenarioType> types,
      int perType,
      Instant earliest,
      Instant end,
      NetworkCatalogue catalogue) {
    this.types = Set.copyOf(types);
    this.perType = perType;
    this.earliest = earliest;
    this.end = end;
    this.catalogue = catalogue;
  }

  /**
   * The attacks of one tenant.
   *
   * @param plans its users' plans, in user order
   */
  public TenantAttacks plan(Tenant tenant, List<UserPlan> plans) {
    Set<String> victims = new HashSet<>();
    List<ScenarioLabel> labels = new ArrayList<>();
    List<SimEvent> events = new ArrayList<>();
    List<UnplacedAttack> unplaced = new ArrayList<>();
    for (int typeIndex = 0; typeIndex < ATTACKS.size(); typeIndex++) {
      ScenarioType type = ATTACKS.get(typeIndex);
      if (!types.contains(type)) {
        continue;
      }
      for (int n = 1; n <= perType; n++) {
        String id = type.id() + "-" + tenant.name() + "-" + n;
        SplittableRandom rng = Seeds.stream(tenant.seed(), StreamLabel.ATTACK, typeIndex, n);
        List<UserPlan> available =
            plans.stream().filter(p -> !victims.contains(p.user().upn())).toList();
        PlaceableAttack attack = ScriptCatalogue.placeable(type).orElseThrow();
        Optional<Scene> scene =
            attack.place(new AttackSite(available, earliest, end, catalogue), rng);
        if (scene.isPresent()) {
          List<SimEvent> records =
              scene.get().events().stream().sorted(Comparator.comparing(SimEvent::time)).toList();
          labels.add(ScenarioLabel.of(id, type, tenant, scene.get(), records));
          events.addAll(records);
          victims.addAll(scene.get().accounts());
        } else {
          unplaced.add(
              new UnplacedAttack(
                  id,
                  type,
                  tenant.tenantId(),
                  tenant.name(),
                  "no user of "
                      + tenant.name()
                      + " is active long enough between "
                      + earliest
                      + " and "
                      + end));
        }
      }
    }
    return new TenantAttacks(labels, events, unplaced);
  }

  /**
   * One tenant's attacks.
   *
   * @param placed the labels of the attacks placed
   * @param events their records
   * @param unplaced attacks that found no room
   */
  public record TenantAttacks(
      List<ScenarioLabel> placed, List<SimEvent> events, List<UnplacedAttack> unplaced) {}
}
