package io.stormwatch.sim.random;

/**
 * Labels of the derived random streams; the numbers are part of the output contract, never reuse.
 */
public final class StreamLabel {
  public static final long TENANT = 1;
  public static final long USER = 2;
  public static final long DAY = 3;
  public static final long READS = 4;
  public static final long ROAMING = 5;
  public static final long CONTENT = 6;
  public static final long ATTACK = 7;
  public static final long TENANT_TRAITS = 8;

  private StreamLabel() {}
}
