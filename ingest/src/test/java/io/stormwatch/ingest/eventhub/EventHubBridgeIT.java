package io.stormwatch.ingest.eventhub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.ingest.checkpoint.CheckpointTopic;
import io.stormwatch.ingest.http.StopSignal;
import io.stormwatch.ingest.sink.IngestTopics;
import io.stormwatch.ingest.sink.TransactionalSink;
import io.stormwatch.ingest.testing.CrashingProducer;
import io.stormwatch.ingest.testing.CrashingProducer.SimulatedCrash;
import io.stormwatch.ingest.testing.KafkaTopics;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.schemas.avro.DeadLetter;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ingest eventhub} end to end: a second embedded broker stands in for the Event Hubs Kafka
 * endpoint (plain text here; the SASL_SSL settings for Event Hubs are checked in {@link
 * EventHubConnectionTest}). Diagnostic-settings envelopes are split into sign-ins on the raw topic
 * exactly once, across a crash inside a batch's transaction and a restart.
 */
class EventHubBridgeIT {

  private static final String HUB = "insights-logs-signinlogs";
  private static final String TENANT_A = "8a4de8b5-095c-47d0-a96f-a75130c61d53";
  private static final String TENANT_B = "41463f53-8812-40f4-890f-865bf6e35190";
  private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
  private static final IngestTopics TOPICS =
      new IngestTopics("entra.signin.raw", "audit.dlq", "stormwatch.ingest.checkpoints");
  private static final String TRANSACTIONAL_ID = "stormwatch-ingest-eventhub";

  private static EmbeddedKafkaBroker eventHubs;
  private static EmbeddedKafkaBroker stormwatch;

  @BeforeAll
  static void startBrokers() throws Exception {
    eventHubs = EmbeddedKafkaBroker.start();
    stormwatch = EmbeddedKafkaBroker.start();
    KafkaTopics.create(eventHubs.bootstrapServers(), Map.of(HUB, 2), null);
    KafkaTopics.create(
        stormwatch.bootstrapServers(),
        Map.of(TOPICS.raw(), 3, TOPICS.deadLetters(), 1),
        TOPICS.checkpoints());
  }

  @AfterAll
  static void stopBrokers() {
    stormwatch.close();
    eventHubs.close();
  }

  @Test
  void carriesEverySignInOnceAcrossACrashInsideABatchAndARestart() throws Exception {
    List<String> expected = new ArrayList<>();
    byte[] malformed = "{\"records\":[{\"category\":\"SignInLogs\"".getBytes(UTF_8);
    try (KafkaProducer<byte[], byte[]> hub = hubProducer()) {
      for (int event = 0; event < 12; event++) {
        expected.addAll(sendEnvelope(hub, event));
      }
      hub.send(new ProducerRecord<>(HUB, 0, null, malformed)).get();
    }
    EventHubSettings settings = settings();
    // Batches of at most 3 events, each 2 sign-ins: send 10 is inside the second batch.
    EventHubBridge crashed =
        new EventHubBridge(
            settings,
            new KafkaConsumer<>(
                EventHubBridge.sourceConsumerConfig(settings, TRANSACTIONAL_ID),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer()),
            new TransactionalSink(
                new CrashingProducer(
                    TransactionalSink.producerConfig(cluster(), TRANSACTIONAL_ID), 10),
                TOPICS),
            checkpoints(),
            new StopSignal());
    crashed.start();
    assertThatThrownBy(
            () -> {
              while (true) {
                crashed.pollOnce();
              }
            })
        .isInstanceOf(SimulatedCrash.class);

    BatchReport resumed;
    try (EventHubBridge restarted = bridge(settings)) {
      assertThat(restarted.start()).isPositive();
      resumed = restarted.runToEnd();
    } finally {
      crashed.close();
    }

    List<ConsumerRecord<String, byte[]>> raw =
        KafkaTopics.readCommitted(stormwatch.bootstrapServers(), TOPICS.raw());
    assertThat(raw)
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(raw).allSatisfy(EventHubBridgeIT::isKeyedByTenantAndStampedWithEventTime);
    assertThat(resumed.ignored()).isPositive();
    List<ConsumerRecord<String, byte[]>> deadLetters =
        KafkaTopics.readCommitted(stormwatch.bootstrapServers(), TOPICS.deadLetters());
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            r -> {
              DeadLetter letter = DeadLetterHeaders.read(r.headers(), r.value());
              assertThat(letter.getErrorType()).isEqualTo("MALFORMED_JSON");
              assertThat(letter.getSourceTopic()).isEqualTo(HUB);
              assertThat(letter.getSourcePartition()).isEqualTo(0);
              assertThat(letter.getSourceOffset()).isEqualTo(6);
              assertThat(r.value()).isEqualTo(malformed);
            });

    // A clean restart carries only what arrived since.
    try (KafkaProducer<byte[], byte[]> hub = hubProducer()) {
      expected.addAll(sendEnvelope(hub, 12));
    }
    try (EventHubBridge again = bridge(settings)) {
      assertThat(again.start()).isEqualTo(2);
      assertThat(again.runToEnd().records()).isEqualTo(2);
    }
    assertThat(KafkaTopics.readCommitted(stormwatch.bootstrapServers(), TOPICS.raw()))
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Sends one envelope of two sign-ins and an audit record; returns the sign-ins. */
  private static List<String> sendEnvelope(KafkaProducer<byte[], byte[]> hub, int event)
      throws Exception {
    String tenant = event % 3 == 0 ? TENANT_B : TENANT_A.toUpperCase();
    Instant time = T0.plusSeconds(60L * event);
    String interactive = DiagnosticRecordsTest.signIn("SignInLogs", tenant, time.toString());
    String nonInteractive =
        DiagnosticRecordsTest.signIn(
            "NonInteractiveUserSignInLogs", tenant, time.plusSeconds(5).toString());
    String audit = DiagnosticRecordsTest.signIn("AuditLogs", tenant, time.toString());
    String envelope =
        "{\"records\": [" + interactive + ", " + audit + ",\n" + nonInteractive + "]}";
    hub.send(new ProducerRecord<>(HUB, event % 2, null, envelope.getBytes(UTF_8))).get();
    return List.of(interactive, nonInteractive);
  }

  private static void isKeyedByTenantAndStampedWithEventTime(
      ConsumerRecord<String, byte[]> record) {
    String json = new String(record.value(), UTF_8);
    assertThat(json.toLowerCase()).contains("\"tenantid\":\"" + record.key() + "\"");
    assertThat(record.key()).isLowerCase();
    String time = json.replaceAll("^\\{\"time\":\"([^\"]+)\".*", "$1");
    assertThat(record.timestamp()).isEqualTo(Instant.parse(time).toEpochMilli());
  }

  private static EventHubSettings settings() {
    return new EventHubSettings(
        Optional.empty(),
        eventHubs.bootstrapServers(),
        HUB,
        "$Default",
        true,
        EventHubSettings.SIGN_IN_CATEGORIES,
        Map.of("max.poll.records", 3));
  }

  private static EventHubBridge bridge(EventHubSettings settings) {
    return EventHubBridge.connect(
        settings, cluster(), TOPICS, TRANSACTIONAL_ID, Duration.ofSeconds(60), new StopSignal());
  }

  private static CheckpointTopic checkpoints() {
    return new CheckpointTopic(cluster(), TOPICS.checkpoints(), Duration.ofSeconds(60));
  }

  private static KafkaProducer<byte[], byte[]> hubProducer() {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", eventHubs.bootstrapServers()),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static Map<String, Object> cluster() {
    return Map.of("bootstrap.servers", stormwatch.bootstrapServers());
  }
}
