package io.stormwatch.sim.world;

/** What a network is used for in the simulation. */
public enum NetworkKind {
  /** Home broadband: a desktop or browser user's network. */
  RESIDENTIAL,
  /** Mobile carrier: phones hop between addresses inside it. */
  MOBILE,
  /** Rented servers (VPS): where the simulated attackers operate from. */
  HOSTING,
  /** Microsoft's own address space (AS8075). */
  MICROSOFT
}
