package io.stormwatch.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import io.stormwatch.schemas.serde.AvroSerdes;
import io.stormwatch.schemas.serde.BundledSchemaResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alert collector says it has caught up only after reading what the topic held when asked. */
class AlertCollectorIT {

  private static final String TOPIC = "alerts";
  private static final Serde<Alert> ALERTS =
      AvroSerdes.of(Alert.class, new BundledSchemaResolver());

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void brokerWithOneAlert() throws Exception {
    broker = EmbeddedKafkaBroker.start();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
    }
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
            new StringSerializer(),
            ALERTS.serializer())) {
      producer.send(new ProducerRecord<>(TOPIC, "alert-1", alert("alert-1"))).get();
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void hasNotCaughtUpBeforeItHasReadAnything() throws Exception {
    // Its thread is not started: it has read nothing. A sentinel that overflowed once made this
    // answer "caught up" at once, and a demo could end before its alerts were read.
    try (AlertCollector collector = collector()) {
      assertThat(collector.awaitCaughtUp(Duration.ofMillis(300))).isFalse();
      assertThat(collector.latestRevisions()).isEmpty();
    }
  }

  @Test
  void hasReadEveryAlertOnTheTopicOnceCaughtUp() throws Exception {
    try (AlertCollector collector = collector()) {
      collector.start();

      assertThat(collector.awaitCaughtUp(Duration.ofMinutes(2))).isTrue();

      assertThat(collector.latestRevisions()).extracting(Alert::getAlertId).contains("alert-1");
    }
  }

  private static AlertCollector collector() {
    return new AlertCollector(broker.bootstrapServers(), TOPIC, ALERTS.deserializer(), a -> {});
  }

  private static Alert alert(String id) {
    Instant t = Instant.parse("2026-03-03T10:00:00Z");
    return Alert.newBuilder()
        .setAlertId(id)
        .setRevision(1)
        .setRuleId("token-replay")
        .setRuleVersion(1)
        .setSeverity(Severity.HIGH)
        .setTenantId("tenant-1")
        .setAccountId("alice@contoso.example")
        .setFirstEventTime(t)
        .setLastEventTime(t)
        .setSummary("one token from two networks")
        .setEvidence(Evidence.newBuilder().build())
        .build();
  }
}
