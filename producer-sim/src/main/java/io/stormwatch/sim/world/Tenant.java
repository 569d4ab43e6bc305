package io.stormwatch.sim.world;

import java.time.ZoneId;

/**
 * A fictional Microsoft 365 organisation.
 *
 * @param index position in the simulated world, 0-based
 * @param name short lower-case name, e.g. {@code contoso}
 * @param tenantId the Entra tenant id (lower-case GUID); also the Kafka key of its records
 * @param domain the verified mail domain, {@code <name>.com}
 * @param country where the organisation is based
 * @param zone the organisation's time zone
 * @param sidPrefix the on-premises domain SID prefix its users' SIDs share
 * @param seed the root of every random stream that belongs to this tenant
 */
public record Tenant(
    int index,
    String name,
    String tenantId,
    String domain,
    Country country,
    ZoneId zone,
    String sidPrefix,
    long seed) {

  /** The initial domain Exchange prints as {@code OrganizationName}. */
  public String organizationName() {
    return name + ".onmicrosoft.com";
  }
}
