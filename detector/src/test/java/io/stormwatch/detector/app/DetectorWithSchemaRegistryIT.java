package io.stormwatch.detector.app;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.testing.ApicurioRegistry;
import io.stormwatch.detector.testing.RawRecords;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.registry.RegistrySchemaResolver;
import io.stormwatch.schemas.registry.SchemaRegistryException;
import io.stormwatch.schemas.registry.SchemaRegistrySettings;
import io.stormwatch.schemas.serde.ConfluentAvroDeserializer;
import io.stormwatch.schemas.serde.ConfluentWireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector on the embedded broker with a real Schema Registry (Apicurio, Confluent-compatible
 * API): it registers its schemas, its alerts carry the registry's ids and read back by id the way
 * {@code kafka-avro-console-consumer} reads them, and a compatible evolution of the alert schema is
 * read by old and new consumers alike.
 */
class DetectorWithSchemaRegistryIT {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ApicurioRegistry registry;
  private static EmbeddedKafkaBroker broker;

  @TempDir static Path stateDir;

  @BeforeAll
  static void start() throws Exception {
    registry = ApicurioRegistry.start();
    // Confluent's default; Apicurio checks nothing until told.
    registry.setCompatibility("BACKWARD");
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void alertsCarryRegistryIdsAndEvolveCompatibly() throws Exception {
    String prefix = "sr-" + System.nanoTime() + "-";
    StormwatchConfig config = config(prefix);
    String alertsTopic = config.topics().alerts();
    String alertsSubject = alertsTopic + "-value";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      new TopicProvisioner(admin).ensureTopics(config.topics(), config.topicLayout());
    }

    // 1. The detector registers the schemas of the topics it writes, before it starts.
    int alertSchemaId;
    try (var detector = new DetectorApplication(config, TopologyFixture.IP_TABLE)) {
      assertThat(detector.schemaIds())
          .containsOnlyKeys(
              config.topics().events() + "-value",
              config.topics().late() + "-value",
              alertsSubject);
      assertThat(detector.schemaIds().values()).doesNotContain(1001, 1002, 1003);
      assertThat(registry.get("/subjects"))
          .contains(alertsSubject, config.topics().events() + "-value");
      alertSchemaId = detector.schemaIds().get(alertsSubject);

      // 2. A small attack: one token used from a second network.
      detector.start();
      assertThat(detector.awaitRunning(Duration.ofSeconds(90))).isTrue();
      publishTokenReplay(config);

      // 3. Read back as kafka-avro-console-consumer does: the id from each record, the writer
      // schema from the registry by that id, a generic reader.
      List<ConsumerRecord<String, byte[]>> written = awaitRecords(alertsTopic, 1);
      List<GenericRecord> alerts = readByRegistryId(written, null);
      assertThat(written).allSatisfy(r -> assertThat(schemaId(r)).isEqualTo(alertSchemaId));
      assertThat(alerts)
          .singleElement()
          .satisfies(
              alert -> {
                assertThat(alert.get("ruleId")).hasToString("token-replay");
                assertThat(alert.get("accountId")).hasToString(ALICE);
              });
    }

    // 4. A later Stormwatch adds a field with a default: the registry (BACKWARD) takes it under a
    // new id, and a record written with it joins the topic.
    SchemaRegistrySettings settings = config.schemaRegistry().orElseThrow();
    Schema v1 = Alert.getClassSchema();
    Schema v2 = withField(v1, "ticket", "[\"null\",\"string\"]", "null");
    int v2Id = new RegistrySchemaResolver(settings).idFor(alertsSubject, v2);
    assertThat(v2Id).isNotEqualTo(alertSchemaId);
    assertThat(new RegistrySchemaResolver(settings).idFor(alertsSubject, v1))
        .as("the registry answers a known schema with its id")
        .isEqualTo(alertSchemaId);
    ConsumerRecord<String, byte[]> first = awaitRecords(alertsTopic, 1).get(0);
    GenericRecord evolved = readByRegistryId(List.of(first), v2).get(0);
    evolved.put("ticket", "INC-42");
    produce(alertsTopic, first.key(), frame(v2Id, v2, evolved));
    List<ConsumerRecord<String, byte[]>> both = awaitRecords(alertsTopic, 2);

    // 5. The old consumer (this build's Alert class) reads both, ignoring the new field.
    var oldConsumer =
        new ConfluentAvroDeserializer<Alert>(v1, new RegistrySchemaResolver(settings));
    assertThat(both)
        .extracting(r -> oldConsumer.deserialize(alertsTopic, r.value()).getRuleId())
        .containsExactly("token-replay", "token-replay");

    // 6. The new consumer reads both: the old record with the default, the new one with its value.
    assertThat(readByRegistryId(both, v2))
        .extracting(r -> String.valueOf(r.get("ticket")))
        .containsExactly("null", "INC-42");

    // 7. An incompatible change (a new field without a default) is refused, clearly.
    Schema incompatible = withField(v1, "owner", "\"string\"", null);
    assertThatThrownBy(
            () -> new RegistrySchemaResolver(settings).idFor(alertsSubject, incompatible))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining(registry.confluentApiUrl())
        .hasMessageContaining("subject " + alertsSubject)
        .hasMessageContaining("incompatible")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
  }

  @Test
  void aDetectorWhoseRegistryRejectsItsSchemaDoesNotStart() throws Exception {
    String prefix = "sr-reject-" + System.nanoTime() + "-";
    StormwatchConfig config = config(prefix);
    String alertsSubject = config.topics().alerts() + "-value";
    // Someone registered an unrelated record under the alerts subject first.
    Schema unrelated =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Alert\",\"namespace\":\"other\","
                    + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
    new RegistrySchemaResolver(config.schemaRegistry().orElseThrow())
        .idFor(alertsSubject, unrelated);

    assertThatThrownBy(() -> new DetectorApplication(config, TopologyFixture.IP_TABLE))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("subject " + alertsSubject)
        .hasMessageContaining("incompatible");
  }

  private StormwatchConfig config(String prefix) throws IOException {
    return StormwatchConfig.from(
        Map.ofEntries(
            Map.entry("bootstrap.servers", broker.bootstrapServers()),
            Map.entry("application.id", prefix + "detector"),
            Map.entry("state.dir", Files.createDirectories(stateDir.resolve(prefix)).toString()),
            Map.entry("topic.ual.raw", prefix + "ual"),
            Map.entry("topic.signin.raw", prefix + "signin"),
            Map.entry("topic.events", prefix + "events"),
            Map.entry("topic.dlq", prefix + "dlq"),
            Map.entry("topic.late", prefix + "late"),
            Map.entry("topic.alerts", prefix + "alerts"),
            Map.entry("topic.partitions", "1"),
            Map.entry("schema.registry.url", registry.confluentApiUrl())));
  }

  private static void publishTokenReplay(StormwatchConfig config) {
    try (var producer = bytesProducer()) {
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
          RawRecords.mailItemsAccessed(
              "ual-2", TENANT, ALICE, T0.plusSeconds(600), "188.166.1.20", "uti-stolen", 4));
      producer.flush();
    }
  }

  /**
   * Decodes records as a registry-aware console consumer does: the writer schema is fetched from
   * the registry by the id in each record (plain HTTP here, independent of Stormwatch's resolver)
   * and read with a generic reader, projected onto {@code readerSchema} when one is given.
   */
  private static List<GenericRecord> readByRegistryId(
      List<ConsumerRecord<String, byte[]>> records, Schema readerSchema) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<GenericRecord> out = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      int id = schemaId(record);
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + "/schemas/ids/" + id))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      Schema writer =
          new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
      byte[] bytes = record.value();
      var reader =
          new GenericDatumReader<GenericRecord>(
              writer, readerSchema == null ? writer : readerSchema);
      out.add(
          reader.read(
              null,
              DecoderFactory.get()
                  .binaryDecoder(
                      bytes,
                      ConfluentWireFormat.HEADER_SIZE,
                      bytes.length - ConfluentWireFormat.HEADER_SIZE,
                      null)));
    }
    return out;
  }

  private static int schemaId(ConsumerRecord<String, byte[]> record) {
    return ConfluentWireFormat.schemaId(record.value());
  }

  private static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(ConfluentWireFormat.MAGIC_BYTE);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  /** {@code base} with one more field; {@code defaultJson} null for a field without a default. */
  private static Schema withField(Schema base, String name, String typeJson, String defaultJson)
      throws IOException {
    ObjectNode schema = (ObjectNode) JSON.readTree(base.toString());
    ObjectNode field = JSON.createObjectNode().put("name", name);
    field.set("type", JSON.readTree(typeJson));
    if (defaultJson != null) {
      field.set("default", JSON.readTree(defaultJson));
    }
    ((ArrayNode) schema.get("fields")).add(field);
    return new Schema.Parser().parse(schema.toString());
  }

  private static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, int count) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
              });
    }
    return records;
  }

  private static void produce(String topic, String key, byte[] value) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value));
      producer.flush();
    }
  }

  private static KafkaProducer<byte[], byte[]> bytesProducer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, byte[] value) {
    producer.send(new ProducerRecord<>(topic, TENANT.getBytes(StandardCharsets.UTF_8), value));
  }
}
