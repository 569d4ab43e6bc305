package io.stormwatch.cli.fuzz;

import io.stormwatch.traffic.replay.ReplayProgress;

/** Told how a fuzz run advances; every method defaults to doing nothing. */
public interface FuzzListener extends ReplayProgress {

  /** Hears nothing. */
  FuzzListener NONE = new FuzzListener() {};

  /** Records generated and handed to the producer so far, of {@code total} at least. */
  default void published(long records, long total) {}

  /** Publishing and the replay are done; the detector starts on {@code records} messages. */
  default void processingStarts(long records) {}

  /** Messages the detector has processed so far. */
  default void processed(long records) {}
}
