package io.stormwatch.traffic.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.schemas.avro.DeadLetter;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.SimulatedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Unit test against kafka-clients' own producer double; real brokers are covered elsewhere. */
class RawTopicPublisherTest {

  private static final RawTopicNames TOPICS = new RawTopicNames("test.ual.raw", "test.signin.raw");
  private static final String CONTOSO = "b23db3b9-c462-4ba6-a869-c72b1bb76250";
  private static final Instant EVENT_TIME = Instant.parse("2026-03-10T09:15:42Z");

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
  private final List<Long> progress = new ArrayList<>();
  private final RawTopicPublisher publisher =
      new RawTopicPublisher(producer, TOPICS, progress::add, 2);

  @Test
  void sendsEachRecordToItsRawTopicKeyedByTenantAndStampedWithEventTime() {
    publisher.send(record(RawTopic.UAL, "{\"Id\":\"1\"}"));
    publisher.send(record(RawTopic.SIGN_IN, "{\"time\":\"x\"}"));
    publisher.flush();

    List<ProducerRecord<String, byte[]>> sent = producer.history();
    assertThat(sent)
        .extracting(ProducerRecord::topic)
        .containsExactly("test.ual.raw", "test.signin.raw");
    assertThat(sent).extracting(ProducerRecord::key).containsOnly(CONTOSO);
    assertThat(sent).extracting(ProducerRecord::timestamp).containsOnly(EVENT_TIME.toEpochMilli());
    assertThat(new String(sent.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"Id\":\"1\"}");
    assertThat(publisher.sent()).isEqualTo(2);
    assertThat(publisher.acknowledged()).isEqualTo(2);
  }

  @Test
  void reportsProgressEveryNAcknowledgementsAndOnFlush() {
    for (int i = 0; i < 5; i++) {
      publisher.send(record(RawTopic.UAL, "{}"));
    }
    producer.completeNext();
    producer.completeNext();
    producer.completeNext();
    assertThat(progress).containsExactly(2L);

    publisher.flush();

    assertThat(progress).containsExactly(2L, 4L, 5L);
  }

  @Test
  void flushSurfacesTheFirstSendFailure() {
    publisher.send(record(RawTopic.UAL, "{}"));
    publisher.send(record(RawTopic.UAL, "{}"));
    producer.errorNext(new RecordTooLargeException("too large"));

    assertThatThrownBy(publisher::flush)
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("1 of 2 acknowledged")
        .hasCauseInstanceOf(RecordTooLargeException.class);
  }

  @Test
  void refusesToSendAfterAFailure() {
    publisher.send(record(RawTopic.UAL, "{}"));
    producer.errorNext(new RecordTooLargeException("too large"));

    assertThatThrownBy(() -> publisher.send(record(RawTopic.UAL, "{}")))
        .isInstanceOf(PublishException.class);
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void closeFlushesAndClosesTheProducerEvenWhenASendFailed() {
    publisher.send(record(RawTopic.UAL, "{}"));
    producer.errorNext(new RecordTooLargeException("too large"));

    assertThatThrownBy(publisher::close).isInstanceOf(PublishException.class);
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void sendsARecordWithoutTenantUnkeyed() {
    publisher.send(RawTopic.SIGN_IN, null, EVENT_TIME, "{}".getBytes(StandardCharsets.UTF_8));
    publisher.flush();

    assertThat(producer.history()).singleElement().satisfies(r -> assertThat(r.key()).isNull());
  }

  @Test
  void sendsARejectedRecordToTheDeadLetterTopicWithTheNormalisersHeaders() {
    byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
    publisher.sendRejected(
        "test.dlq",
        new RejectedRecord(null, EVENT_TIME, garbage, "not-json", "unexpected 'n'", "x.jsonl:3"));
    publisher.flush();

    ProducerRecord<String, byte[]> sent = producer.history().get(0);
    DeadLetter letter = DeadLetterHeaders.read(sent.headers(), sent.value());
    assertThat(sent.topic()).isEqualTo("test.dlq");
    assertThat(sent.value()).isEqualTo(garbage);
    assertThat(sent.timestamp()).isEqualTo(EVENT_TIME.toEpochMilli());
    assertThat(letter.getErrorType()).isEqualTo("not-json");
    assertThat(letter.getReason()).isEqualTo("unexpected 'n'");
    assertThat(letter.getSourceTopic()).isEqualTo("x.jsonl:3");
    assertThat(letter.getSourceOffset()).isEqualTo(-1L);
  }

  @Test
  void defaultProducerSettingsAreLossFreeAndBatchFriendly() {
    Map<String, Object> config = RawTopicPublisher.producerConfig("localhost:9092");

    assertThat(config)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
        .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    assertThat((Integer) config.get(ProducerConfig.LINGER_MS_CONFIG)).isBetween(5, 20);
  }

  @Test
  void topicNamesMustNotBeBlank() {
    assertThatThrownBy(() -> new RawTopicNames(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SimulatedRecord record(RawTopic topic, String json) {
    return new SimulatedRecord(topic, CONTOSO, EVENT_TIME, json.getBytes(StandardCharsets.UTF_8));
  }
}
