package io.stormwatch.bench.latency;

import java.nio.ByteBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Gives Kafka Streams a record's event time from a header when the record has one, else the record
 * timestamp.
 *
 * <p>The latency phase's raw topics use LogAppendTime, so that the broker stamps each raw record
 * with the moment it was appended and the producer learns it from the acknowledgement. The pipeline
 * must still see event time, as it does in production, where the raw record timestamp is the event
 * time: the load generator copies the event time into {@link #HEADER}, and this extractor hands it
 * to Kafka Streams. Records without the header (the normalised topic, whose timestamps the
 * normaliser sets to event time) keep their timestamp.
 */
public final class EventTimeHeaderExtractor implements TimestampExtractor {

  /** Header holding the event time, epoch milliseconds, 8 bytes big-endian. */
  public static final String HEADER = "stormwatch.bench.event-time";

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    Header header = record.headers().lastHeader(HEADER);
    if (header != null && header.value() != null && header.value().length == Long.BYTES) {
      return ByteBuffer.wrap(header.value()).getLong();
    }
    return record.timestamp();
  }

  /** The header value for {@code epochMillis}. */
  public static byte[] encode(long epochMillis) {
    return ByteBuffer.allocate(Long.BYTES).putLong(epochMillis).array();
  }
}
