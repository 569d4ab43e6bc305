package io.stormwatch.traffic.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A range of event time, from inclusive to exclusive; either end may be open.
 *
 * @param from the first instant kept, or null for no lower bound
 * @param to the first instant no longer kept, or null for no upper bound
 */
public record EventTimeRange(Instant from, Instant to) {

  /** Every event time. */
  public static final EventTimeRange ALL = new EventTimeRange(null, null);

  /**
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   */
  public EventTimeRange {
    if (from != null && to != null && !to.isAfter(from)) {
      throw new IllegalArgumentException("--to (" + to + ") must be after --from (" + from + ")");
    }
  }

  /**
   * Reads an instant ({@code 2026-03-03T06:00:00Z}) or a date ({@code 2026-03-03}, meaning its
   * midnight UTC), as people write them on a command line.
   *
   * @throws IllegalArgumentException if the text is neither
   */
  public static Instant parseInstant(String text) {
    String value = text.strip();
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a time: write 2026-03-03T06:00:00Z or 2026-03-03", notADate);
      }
    }
  }

  /** Whether this range keeps everything, records without an event time included. */
  public boolean isUnbounded() {
    return from == null && to == null;
  }

  /**
   * Whether an event time lies in the range. A record without an event time lies in the unbounded
   * range only: it cannot be placed inside a bounded one.
   */
  public boolean contains(Instant eventTime) {
    if (eventTime == null) {
      return isUnbounded();
    }
    return (from == null || !eventTime.isBefore(from)) && (to == null || eventTime.isBefore(to));
  }

  /** Whether a Kafka record timestamp (epoch milliseconds) lies in the range. */
  public boolean containsMillis(long timestamp) {
    return (from == null || timestamp >= from.toEpochMilli())
        && (to == null || timestamp < to.toEpochMilli());
  }

  @Override
  public String toString() {
    if (isUnbounded()) {
      return "all event times";
    }
    return (from == null ? "the beginning" : from.toString())
        + " to "
        + (to == null ? "the end" : to.toString());
  }
}
