package io.stormwatch.sim.scenario.stage;

import io.stormwatch.sim.behaviour.ActivityPlanner;
import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.random.Seeds;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One tenant on the stage: its users (in costume once cast), their plans for the scenario day, its
 * habits and how its sign-in logs arrive.
 */
public final class StagedTenant {

  private final Tenant tenant;
  private final ActivityPlanner dayPlanner;
  private final List<User> users;
  private final Map<String, UserPlan> dayPlans = new LinkedHashMap<>();
  private final TenantHabits habits = new TenantHabits();
  private final Set<String> cast = new HashSet<>();
  private final List<Integer> castingOrder;
  private SignInDelivery signIns = SignInDelivery.NORMAL;

  StagedTenant(Tenant tenant, List<User> users, ActivityPlanner dayPlanner, long castingSeed) {
    this.tenant = tenant;
    this.dayPlanner = dayPlanner;
    this.users = new ArrayList<>(users);
    for (User user : users) {
      dayPlans.put(user.upn(), dayPlanner.plan(user));
    }
    this.castingOrder = shuffledIndexes(users.size(), Seeds.stream(castingSeed, tenant.index()));
  }

  public Tenant tenant() {
    return tenant;
  }

  /** Every user, in index order, in costume once cast. */
  public List<User> users() {
    return Collections.unmodifiableList(users);
  }

  /** The user's activity on the scenario day, as the simulator plans it. */
  public UserPlan dayPlan(User user) {
    return Objects.requireNonNull(dayPlans.get(user.upn()), () -> "no plan for " + user);
  }

  public TenantHabits habits() {
    return habits;
  }

  /** How the tenant's sign-in logs reach the pipeline. */
  public SignInDelivery signIns() {
    return signIns;
  }

  public void signIns(SignInDelivery delivery) {
    this.signIns = Objects.requireNonNull(delivery, "delivery");
  }

  /** Users no scenario has cast, in index order. */
  public List<User> uncast() {
    return users.stream().filter(u -> !cast.contains(u.upn())).toList();
  }

  List<Integer> castingOrder() {
    return castingOrder;
  }

  boolean isCast(User user) {
    return cast.contains(user.upn());
  }

  /** Marks a user as cast and puts them in costume: the day is planned again for the costume. */
  User castAs(User user, User costumed) {
    cast.add(user.upn());
    users.set(user.index(), costumed);
    dayPlans.put(costumed.upn(), dayPlanner.plan(costumed));
    return costumed;
  }

  private static List<Integer> shuffledIndexes(int count, SplittableRandom rng) {
    List<Integer> order = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      order.add(i);
    }
    for (int i = count - 1; i > 0; i--) {
      Collections.swap(order, i, rng.nextInt(i + 1));
    }
    return order;
  }
}
