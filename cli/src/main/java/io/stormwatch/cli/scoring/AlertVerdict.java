package io.stormwatch.cli.scoring;

/** What one alert (its latest revision) counts as. */
public enum AlertVerdict {
  /** It is about a scenario that requires its rule. */
  EXPECTED,
  /**
   * It is about a scenario that allows its rule, and none that requires it: neither good nor bad.
   */
  TOLERATED,
  /** It is about a benign trap, an attack its rule has no business with, or nothing at all. */
  FALSE_POSITIVE
}
