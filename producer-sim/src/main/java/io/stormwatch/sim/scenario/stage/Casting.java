package io.stormwatch.sim.scenario.stage;

import io.stormwatch.sim.world.User;

/**
 * Hands out a tenant's users to scenario roles, each user at most once, in a seeded order per
 * tenant, so one scenario's actors never appear in another and adding a scenario type at the end
 * never re-casts the earlier ones.
 */
public final class Casting {

  private final Stage stage;

  public Casting(Stage stage) {
    this.stage = stage;
  }

  /**
   * Casts the first eligible uncast user of {@code tenant} and dresses them for the role.
   *
   * @throws IllegalStateException if no user is left who can play it (the set needs more users)
   */
  public User cast(StagedTenant tenant, Role role) {
    for (int index : tenant.castingOrder()) {
      User user = tenant.users().get(index);
      if (tenant.isCast(user)) {
        continue;
      }
      Candidate candidate = new Candidate(user, tenant.dayPlan(user), tenant, stage);
      if (candidate.worksFullDay() && role.eligible().test(candidate)) {
        return tenant.castAs(user, role.costume().apply(user));
      }
    }
    throw new IllegalStateException(
        "no user of "
            + tenant.tenant().name()
            + " is left to play "
            + role.description()
            + "; give the scenario set more background users");
  }
}
