package io.stormwatch.sim.world;

/**
 * How many mail items a user reads (binds) per working hour.
 *
 * <p>Heavy readers (assistants, shared-mailbox triagers) are a deliberate benign trap for burst
 * rules: they read several times more than their peers every hour, yet stay well below 500 items an
 * hour and far below the bulk collection of an attack.
 */
public enum ReadingBand {
  NORMAL(20, 120),
  HEAVY(150, 400);

  private final int minItemsPerHour;
  private final int maxItemsPerHour;

  ReadingBand(int minItemsPerHour, int maxItemsPerHour) {
    this.minItemsPerHour = minItemsPerHour;
    this.maxItemsPerHour = maxItemsPerHour;
  }

  public int minItemsPerHour() {
    return minItemsPerHour;
  }

  public int maxItemsPerHour() {
    return maxItemsPerHour;
  }
}
