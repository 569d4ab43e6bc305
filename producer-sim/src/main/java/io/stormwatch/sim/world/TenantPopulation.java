package io.stormwatch.sim.world;

import java.util.List;

/**
 * A tenant and its users.
 *
 * @param tenant the organisation
 * @param users its users in index order
 */
public record TenantPopulation(Tenant tenant, List<User> users) {
  public TenantPopulation {
    users = List.copyOf(users);
  }
}
