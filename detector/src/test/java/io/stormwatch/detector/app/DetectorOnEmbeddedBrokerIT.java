package io.stormwatch.detector.app;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.ocsf.DetectionFinding;
import io.stormwatch.detector.ocsf.OcsfJson;
import io.stormwatch.detector.testing.RawRecords;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.DeadLetter;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import io.stormwatch.schemas.serde.AvroSerdes;
import io.stormwatch.schemas.serde.BundledSchemaResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detector on a real single-node KRaft broker, exactly-once on, OCSF alerts on. */
class DetectorOnEmbeddedBrokerIT {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static EmbeddedKafkaBroker broker;

  @TempDir static Path stateDir;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void turnsRawRecordsIntoAlertsTheirFindingsAndDeadLettersWithExactlyOnce() throws Exception {
    String prefix = "it-" + System.nanoTime() + "-";
    StormwatchConfig config =
        StormwatchConfig.from(
            Map.ofEntries(
                Map.entry("bootstrap.servers", broker.bootstrapServers()),
                Map.entry("application.id", prefix + "detector"),
                Map.entry(
                    "state.dir", Files.createDirectories(stateDir.resolve(prefix)).toString()),
                Map.entry("topic.ual.raw", prefix + "ual"),
                Map.entry("topic.signin.raw", prefix + "signin"),
                Map.entry("topic.events", prefix + "events"),
                Map.entry("topic.dlq", prefix + "dlq"),
                Map.entry("topic.late", prefix + "late"),
                Map.entry("topic.alerts", prefix + "alerts"),
                Map.entry("topic.alerts.ocsf", prefix + "alerts.ocsf"),
                Map.entry("topic.partitions", "2")));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      new TopicProvisioner(admin).ensureTopics(config.topics(), config.topicLayout());
    }

    try (var detector = new DetectorApplication(config, TopologyFixture.IP_TABLE)) {
      detector.start();
      assertThat(detector.awaitRunning(Duration.ofMinutes(3))).isTrue();

      try (var producer = producer()) {
        send(
            producer,
            config.topics().signInRaw(),
            RawRecords.signIn("si-1", TENANT, ALICE, T0, "73.22.10.5", 7922L, "US", "uti-stolen"));
        send(
            producer,
            config.topics().ualRaw(),
            RawRecords.mailItemsAccessed(
                "ual-1", TENANT, ALICE, T0.plusSeconds(60), "73.22.10.5", "uti-stolen", 2));
        send(
            producer,
            config.topics().ualRaw(),
            "this is not json".getBytes(StandardCharsets.UTF_8));
        send(
            producer,
            config.topics().ualRaw(),
            RawRecords.mailItemsAccessed(
                "ual-2", TENANT, ALICE, T0.plusSeconds(600), "188.166.1.20", "uti-stolen", 4));
        producer.flush();
      }

      List<Alert> alerts = new ArrayList<>();
      List<DeadLetter> deadLetters = new ArrayList<>();
      List<DetectionFinding> findings = new ArrayList<>();
      try (var alertConsumer = consumer(config.topics().alerts());
          var dlqConsumer = consumer(config.topics().deadLetters());
          var ocsfConsumer = consumer(config.topics().ocsfAlerts().orElseThrow())) {
        var alertSerde = AvroSerdes.of(Alert.class, new BundledSchemaResolver());
        await()
            .atMost(Duration.ofMinutes(3))
            .untilAsserted(
                () -> {
                  alertConsumer
                      .poll(Duration.ofMillis(200))
                      .forEach(
                          r ->
                              alerts.add(
                                  alertSerde.deserializer().deserialize(r.topic(), r.value())));
                  dlqConsumer
                      .poll(Duration.ofMillis(200))
                      .forEach(
                          r -> deadLetters.add(DeadLetterHeaders.read(r.headers(), r.value())));
                  ocsfConsumer
                      .poll(Duration.ofMillis(200))
                      .forEach(r -> findings.add(OcsfJson.read(r.value())));
                  assertThat(alerts).isNotEmpty();
                  assertThat(deadLetters).isNotEmpty();
                  assertThat(findings).isNotEmpty();
                });
      }

      assertThat(alerts)
          .singleElement()
          .satisfies(
              alert -> {
                assertThat(alert.getRuleId()).isEqualTo("token-replay");
                assertThat(alert.getAccountId()).isEqualTo(ALICE);
                assertThat(alert.getEvidence().getAsns()).containsExactly(7922L, 14061L);
              });
      assertThat(findings)
          .singleElement()
          .satisfies(
              finding -> {
                assertThat(finding.findingInfo().uid()).isEqualTo(alerts.get(0).getAlertId());
                assertThat(finding.activityName()).isEqualTo("Create");
              });
      assertThat(deadLetters)
          .singleElement()
          .satisfies(
              letter -> {
                assertThat(letter.getErrorType()).isEqualTo("not-json");
                assertThat(letter.getSourceTopic()).isEqualTo(config.topics().ualRaw());
                assertThat(StandardCharsets.UTF_8.decode(letter.getPayload()).toString())
                    .isEqualTo("this is not json");
              });
    }
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, byte[] value) {
    producer.send(new ProducerRecord<>(topic, TENANT.getBytes(StandardCharsets.UTF_8), value));
  }

  private static KafkaConsumer<String, byte[]> consumer(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
