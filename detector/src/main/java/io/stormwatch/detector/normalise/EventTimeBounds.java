package io.stormwatch.detector.normalise;

import io.stormwatch.detector.config.types.DurationValue;
import io.stormwatch.formats.common.RejectionType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The event times the pipeline accepts: not before a fixed earliest time, and not further ahead of
 * the clock than a skew. Times outside are not late or early records but broken clocks or unset
 * fields (1970, 2999); evaluated, they would corrupt state: a 2999 event makes every later event of
 * its account late, a 1970 one is an orphan token use no sign-in can ever match.
 *
 * @param earliest the earliest event time accepted
 * @param maxSkew how far ahead of the clock an event time may be
 */
public record EventTimeBounds(Instant earliest, Duration maxSkew) {

  /** Why an event time is refused. */
  public record Refusal(RejectionType type, String reason) {}

  public EventTimeBounds {
    Objects.requireNonNull(earliest, "earliest");
    Objects.requireNonNull(maxSkew, "maxSkew");
  }

  /**
   * Checks an event time.
   *
   * @param eventTimeMs the event time, epoch milliseconds
   * @param nowMs the clock, epoch milliseconds
   * @return why it is refused, or null when it is accepted
   */
  public Refusal check(long eventTimeMs, long nowMs) {
    if (eventTimeMs > nowMs + maxSkew.toMillis()) {
      return new Refusal(
          RejectionType.FUTURE_TIME,
          "event time "
              + Instant.ofEpochMilli(eventTimeMs)
              + " is more than "
              + DurationValue.format(maxSkew)
              + " ahead of the clock");
    }
    if (eventTimeMs < earliest.toEpochMilli()) {
      return new Refusal(
          RejectionType.BEFORE_EARLIEST_TIME,
          "event time " + Instant.ofEpochMilli(eventTimeMs) + " is before " + earliest);
    }
    return null;
  }
}
