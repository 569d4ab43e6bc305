package io.stormwatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimeHeaderExtractorTest {

  private final EventTimeHeaderExtractor extractor = new EventTimeHeaderExtractor();

  @Test
  void theEventTimeHeaderWinsOverTheAppendTime() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventTimeHeaderExtractor.HEADER, EventTimeHeaderExtractor.encode(1_000L));

    assertThat(extractor.extract(record(5_000L, headers), 0)).isEqualTo(1_000L);
  }

  @Test
  void withoutTheHeaderTheRecordTimestampStands() {
    assertThat(extractor.extract(record(5_000L, new RecordHeaders()), 0)).isEqualTo(5_000L);
  }

  private static ConsumerRecord<Object, Object> record(long timestamp, RecordHeaders headers) {
    return new ConsumerRecord<>(
        "t",
        0,
        0,
        timestamp,
        TimestampType.LOG_APPEND_TIME,
        0,
        0,
        "k",
        "v",
        headers,
        Optional.empty());
  }
}
