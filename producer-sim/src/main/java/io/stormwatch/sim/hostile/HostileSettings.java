package io.stormwatch.sim.hostile;

import io.stormwatch.formats.common.RecordLimits;
import java.time.Instant;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param seed the generator's seed: the same seed gives the same messages
 * @param records how many records to generate, at least (a content blob counts its elements)
 * @param limits the pipeline's limits, so that records are built just beyond them
 * @param start event time of the first valid record; the records move on from there
 */
public record HostileSettings(long seed, long records, RecordLimits limits, Instant start) {

  public HostileSettings {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(start, "start");
    if (records < 1) {
      throw new IllegalArgumentException("records must be at least 1, was " + records);
    }
  }
}
