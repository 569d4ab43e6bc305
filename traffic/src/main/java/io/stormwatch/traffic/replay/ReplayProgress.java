package io.stormwatch.traffic.replay;

/** Told how a replay advances, for a progress display; every method defaults to doing nothing. */
public interface ReplayProgress {

  /** Shows nothing. */
  ReplayProgress NONE = new ReplayProgress() {};

  /** Records read and sorted so far, while the files are read. */
  default void read(long records) {}

  /** Reading is done; {@code total} records will be sent. */
  default void sendingStarts(long total) {}

  /** Records handed to Kafka so far. */
  default void sent(long records) {}
}
