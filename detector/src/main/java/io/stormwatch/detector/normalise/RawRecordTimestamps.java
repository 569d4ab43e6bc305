package io.stormwatch.detector.normalise;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The timestamp by which Kafka Streams orders the raw records and advances stream time: the
 * record's own (producers stamp it with the event time), unless it lies further ahead of the clock
 * than the normaliser accepts.
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

  private final Duration maxSkew;
  private final Clock clock;

  public RawRecordTimestamps(Duration maxSkew) {
    this(maxSkew, Clock.systemUTC());
  }

  RawRecordTimestamps(Duration maxSkew, Clock clock) {
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    long timestamp = record.timestamp();
    if (timestamp >= 0 && timestamp <= clock.millis() + maxSkew.toMillis()) {
      return timestamp;
    }
    return Math.max(0, partitionTime);
  }
}
