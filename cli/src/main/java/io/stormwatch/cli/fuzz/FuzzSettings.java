package io.stormwatch.cli.fuzz;

import java.time.Duration;
import java.util.Objects;

/**
 * How a fuzz run is sized.
 *
 * @param seed the generator's seed
 * @param records hostile records to publish, at least
 * @param hostileFileBytes how long the replayed long line is, and how far the gzip bomb expands
 * @param drainTimeout how long the detector may take to process everything
 */
public record FuzzSettings(long seed, long records, long hostileFileBytes, Duration drainTimeout) {

  public FuzzSettings {
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (records < 1) {
      throw new IllegalArgumentException("records must be at least 1, was " + records);
    }
    if (hostileFileBytes < 128L << 20) {
      throw new IllegalArgumentException(
          "the hostile files must be at least 128 MiB, so that the bomb is caught as one; was "
              + hostileFileBytes);
    }
  }
}
