package io.stormwatch.sim.world;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every simulated tenant and user.
 *
 * @param tenants tenants in index order
 */
public record World(List<TenantPopulation> tenants) {
  public World {
    tenants = List.copyOf(tenants);
  }

  public Stream<User> users() {
    return tenants.stream().flatMap(t -> t.users().stream());
  }

  public int userCount() {
    return tenants.stream().mapToInt(t -> t.users().size()).sum();
  }
}
