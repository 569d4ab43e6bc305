package io.stormwatch.sim.scenario;

/** Which simulated tenant a scenario plays in. */
public enum TenantPlacement {
  /** The first tenant (a US organisation without a corporate VPN); many scenarios share it. */
  PRIMARY,
  /**
   * The second tenant (a UK organisation whose staff often work through a Zscaler corporate VPN and
   * which runs an app-only mail integration); many scenarios share it.
   */
  CORPORATE_VPN,
  /** A tenant of its own: the scenario changes how the whole tenant's logs arrive. */
  DEDICATED
}
