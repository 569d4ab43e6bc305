package io.stormwatch.detector.normalise;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The timestamp by which Kafka Streams orders the raw records and advances stream time: the
 * record's own (producers stamp it with the event time), or that of the extractor configured as
 * {@code kafka.default.timestamp.extractor}, unless it lies further ahead of the clock than the
 * normaliser accepts.
 *
 * <p>Stream time is the largest timestamp a task has seen and never goes back. One raw record
 * stamped in the year 2999 would set it to 2999: every stream-time punctuation (the orphan-token
 * checks) would fire once at 2999 and then never again until stream time passes that, and windowed
 * stores would expire everything before it. Such a record takes the time its partition had already
 * reached instead (0 for the first record of a partition), so it cannot move stream time; the
 * normaliser dead-letters it all the same. A timestamp Kafka cannot carry (negative) is treated
 * alike rather than failing the stream thread, which is what Kafka Streams' default extractor does.
 */
public final class RawRecordTimestamps implements TimestampExtractor {

  private static final TimestampExtractor RECORD_TIMESTAMP =
      (record, partitionTime) -> record.timestamp();

  private final Duration maxSkew;
  private final TimestampExtractor proposed;
  private final Clock clock;

  /** The record's own timestamp, within {@code maxSkew} of the clock. */
  public RawRecordTimestamps(Duration maxSkew) {
    this(maxSkew, RECORD_TIMESTAMP);
  }

  /**
   * The timestamp {@code proposed} extracts (a deployment's own extractor, e.g. one that reads the
   * event time from a header), within {@code maxSkew} of the clock. A source's extractor replaces
   * Kafka Streams' default one, so without this a configured default would silently be ignored.
   */
  public RawRecordTimestamps(Duration maxSkew, TimestampExtractor proposed) {
    this(maxSkew, proposed, Clock.systemUTC());
  }

  RawRecordTimestamps(Duration maxSkew, TimestampExtractor proposed, Clock clock) {
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
    this.proposed = Objects.requireNonNull(proposed, "proposed");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    long timestamp = proposed.extract(record, partitionTime);
    if (timestamp >= 0 && timestamp <= clock.millis() + maxSkew.toMillis()) {
      return timestamp;
    }
    return Math.max(0, partitionTime);
  }
}
