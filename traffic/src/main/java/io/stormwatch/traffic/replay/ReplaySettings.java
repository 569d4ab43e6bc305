package io.stormwatch.traffic.replay;

import io.stormwatch.formats.files.FileLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a replay runs.
 *
 * @param speed how fast event time passes; default {@link ReplaySpeed#MAX}
 * @param range the event times replayed; default all
 * @param deadLetterTopic where unreadable records go, with the reason in headers; default {@value
 *     #DEFAULT_DEAD_LETTER_TOPIC}
 * @param sortMemoryBytes records held in memory while sorting before a run is spilled to disk;
 *     default 64 MiB
 * @param spillDirectory where sorted runs are spilled; default {@code java.io.tmpdir}
 * @param futureTolerance how far ahead of the wall clock a timestamp may be before the broker
 *     refuses it (Kafka's {@code message.timestamp.after.max.ms}, 1 hour by default)
 * @param lockstepStep event time between flushes that keep the raw topics in step; default {@link
 *     io.stormwatch.traffic.publish.EventTimeLockstep#DEFAULT_STEP}
 * @param clock the wall clock pacing follows
 * @param fileLimits how long one record and how large a file's expansion may be; default {@link
 *     FileLimits#DEFAULTS}, and what the cluster's topics accept when replaying to one
 */
public record ReplaySettings(
    ReplaySpeed speed,
    EventTimeRange range,
    String deadLetterTopic,
    long sortMemoryBytes,
    Path spillDirectory,
    Duration futureTolerance,
    Duration lockstepStep,
    WallClock clock,
    FileLimits fileLimits) {

  public static final String DEFAULT_DEAD_LETTER_TOPIC = "audit.dlq";
  public static final long DEFAULT_SORT_MEMORY_BYTES = 64L * 1024 * 1024;
  public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofHours(1);

  /**
   * @throws IllegalArgumentException if the sort memory is not positive or a duration is negative
   */
  public ReplaySettings {
    Objects.requireNonNull(speed, "speed");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    Objects.requireNonNull(spillDirectory, "spillDirectory");
    Objects.requireNonNull(futureTolerance, "futureTolerance");
    Objects.requireNonNull(lockstepStep, "lockstepStep");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(fileLimits, "fileLimits");
    if (sortMemoryBytes <= 0) {
      throw new IllegalArgumentException("sort memory must be positive, was " + sortMemoryBytes);
    }
    if (futureTolerance.isNegative() || lockstepStep.isNegative() || lockstepStep.isZero()) {
      throw new IllegalArgumentException(
          "future tolerance must not be negative and the lockstep step must be positive");
    }
  }

  /** The defaults: full speed, every event time. */
  public static ReplaySettings defaults() {
    return new ReplaySettings(
        ReplaySpeed.MAX,
        EventTimeRange.ALL,
        DEFAULT_DEAD_LETTER_TOPIC,
        DEFAULT_SORT_MEMORY_BYTES,
        Path.of(System.getProperty("java.io.tmpdir")),
        DEFAULT_FUTURE_TOLERANCE,
        io.stormwatch.traffic.publish.EventTimeLockstep.DEFAULT_STEP,
        WallClock.SYSTEM,
        FileLimits.DEFAULTS);
  }

  public ReplaySettings withSpeed(ReplaySpeed newSpeed) {
    return new ReplaySettings(
        newSpeed,
        range,
        deadLetterTopic,
        sortMemoryBytes,
        spillDirectory,
        futureTolerance,
        lockstepStep,
        clock,
        fileLimits);
  }

  public ReplaySettings withRange(EventTimeRange newRange) {
    return new ReplaySettings(
        speed,
        newRange,
        deadLetterTopic,
        sortMemoryBytes,
        spillDirectory,
        futureTolerance,
        lockstepStep,
        clock,
        fileLimits);
  }

  public ReplaySettings withDeadLetterTopic(String topic) {
    return new ReplaySettings(
        speed,
        range,
        topic,
        sortMemoryBytes,
        spillDirectory,
        futureTolerance,
        lockstepStep,
        clock,
        fileLimits);
  }

  public ReplaySettings withSortMemory(long bytes, Path directory) {
    return new ReplaySettings(
        speed,
        range,
        deadLetterTopic,
        bytes,
        directory,
        futureTolerance,
        lockstepStep,
        clock,
        fileLimits);
  }

  public ReplaySettings withFutureTolerance(Duration tolerance) {
    return new ReplaySettings(
        speed,
        range,
        deadLetterTopic,
        sortMemoryBytes,
        spillDirectory,
        tolerance,
        lockstepStep,
        clock,
        fileLimits);
  }

  public ReplaySettings withClock(WallClock newClock) {
    return new ReplaySettings(
        speed,
        range,
        deadLetterTopic,
        sortMemoryBytes,
        spillDirectory,
        futureTolerance,
        lockstepStep,
        newClock,
        fileLimits);
  }

  public ReplaySettings withFileLimits(FileLimits limits) {
    return new ReplaySettings(
        speed,
        range,
        deadLetterTopic,
        sortMemoryBytes,
        spillDirectory,
        futureTolerance,
        lockstepStep,
        clock,
        limits);
  }
}
