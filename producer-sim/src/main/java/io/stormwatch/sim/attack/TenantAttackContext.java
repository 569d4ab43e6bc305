package io.stormwatch.sim.attack;

import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What an attack scenario may look at when it places itself in one tenant: the users' plans, the
 * attack window, the networks, and the victims earlier attacks already took (each victim suffers
 * one attack, so labels stay unambiguous).
 */
final class TenantAttackContext {

  private final Tenant tenant;
  private final List<UserPlan> plans;
  private final AttackWindow window;
  private final NetworkCatalogue catalogue;
  private final Set<Integer> victims = new HashSet<>(); // user indexes within the tenant

  TenantAttackContext(
      Tenant tenant, List<UserPlan> plans, AttackWindow window, NetworkCatalogue catalogue) {
    this.tenant = tenant;
    this.plans = plans;
    this.window = window;
    this.catalogue = catalogue;
  }

  Tenant tenant() {
    return tenant;
  }

  AttackWindow window() {
    return window;
  }

  /** Plans of users no earlier attack has chosen, in user order. */
  List<UserPlan> availablePlans() {
    return plans.stream().filter(p -> !victims.contains(p.user().index())).toList();
  }

  void markVictim(User user) {
    victims.add(user.index());
  }

  /** A hosting network outside {@code country} when there is one: attackers rent VPSs abroad. */
  Network attackerNetwork(SplittableRandom rng, String country) {
    List<Network> abroad =
        catalogue.hosting().stream().filter(n -> !n.country().equals(country)).toList();
    return Draw.oneOf(rng, abroad.isEmpty() ? catalogue.hosting() : abroad);
  }
}
