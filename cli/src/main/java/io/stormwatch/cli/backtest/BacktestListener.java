package io.stormwatch.cli.backtest;

import io.stormwatch.cli.pipeline.EmbeddedPipeline;
import io.stormwatch.traffic.replay.ReplayProgress;

/** Told how a backtest advances; every method defaults to doing nothing. */
public interface BacktestListener extends ReplayProgress {

  /** Hears nothing. */
  BacktestListener NONE = new BacktestListener() {};

  /** The broker and the detector run; the replay starts next. */
  default void pipelineStarted(EmbeddedPipeline pipeline) {}

  /** The replay is done; {@code records} were sent for the detector to process. */
  default void processingStarts(long records) {}

  /** Records the detector has processed so far. */
  default void processed(long records) {}
}
