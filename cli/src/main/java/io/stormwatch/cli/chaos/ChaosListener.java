package io.stormwatch.cli.chaos;

import java.time.Duration;

/** Told how a chaos run advances; every method defaults to doing nothing. */
public interface ChaosListener {

  /** The whole recording is on the broker the detectors will use. */
  default void inputPublished(long records, String bootstrapServers) {}

  /** A fault was applied and what it disturbed recovered. */
  default void faultApplied(FaultOutcome outcome) {}

  /** The detectors committed every record, {@code drain} after the last fault. */
  default void drained(Duration drain) {}
}
