package io.stormwatch.sim.scenario;

/**
 * Labels of the scenario library's random streams. They extend the simulator's {@code StreamLabel}
 * numbering (which ends below 100) and, like it, are part of the output contract: never reuse or
 * renumber.
 */
public final class ScenarioStreams {
  /** A scenario instance: (type ordinal, instance number). */
  public static final long SCENARIO = 101;

  /** A user's sparse history day: (epoch day). */
  public static final long HISTORY_DAY = 102;

  /** An integration's history day: (epoch day). */
  public static final long INTEGRATION_DAY = 103;

  /** Identities a scenario makes up (shared mailboxes, apps). */
  public static final long IDENTITY = 104;

  /** The token refreshes of a user's sparse history day: (epoch day). */
  public static final long HISTORY_REFRESHES = 105;

  private ScenarioStreams() {}
}
