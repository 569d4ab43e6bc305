package io.stormwatch.detector.operations;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stormwatch.detector.app.ConsumerGroupLag;
import io.stormwatch.detector.app.DetectorApplication;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.testing.BrokerTestPipeline;
import io.stormwatch.detector.testing.PrometheusScrape;
import io.stormwatch.detector.testing.RawRecords;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics}, {@code /health} and {@code /ready} of a detector on a real broker, over HTTP.
 */
class OperationsEndpointIT {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final Map<String, String> LOOPBACK_FREE_PORT =
      Map.of("metrics.port", "0", "metrics.bind.address", "127.0.0.1");

  private static EmbeddedKafkaBroker broker;

  @TempDir static Path stateRoot;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void servesHealthReadinessAndCountersThroughADetectorsLife() throws Exception {
    var pipeline = new BrokerTestPipeline(broker, stateRoot);
    StormwatchConfig config = pipeline.instance("only", LOOPBACK_FREE_PORT);
    pipeline.createTopics(config);
    var detector = new DetectorApplication(config, TopologyFixture.IP_TABLE);
    URI base;
    try (detector;
        var operations =
            DetectorOperations.start(config.metricsAddress().orElseThrow(), config, detector)) {
      base = base(operations.address());

      HttpResponse<String> notStarted = get(base, "/ready");
      assertThat(notStarted.statusCode()).isEqualTo(503);
      assertThat(notStarted.body()).contains("\"state\":\"CREATED\"");
      assertThat(get(base, "/health").statusCode()).isEqualTo(200);

      detector.start();
      await().atMost(PATIENCE).until(() -> get(base, "/ready").statusCode() == 200);

      try (var producer = pipeline.producer()) {
        String signIn = config.topics().signInRaw();
        String ual = config.topics().ualRaw();
        BrokerTestPipeline.send(producer, signIn, TENANT, signIn("si-1"));
        BrokerTestPipeline.send(producer, ual, TENANT, bind("ual-1", 60, "73.22.10.5"));
        BrokerTestPipeline.send(producer, ual, TENANT, bind("ual-1", 60, "73.22.10.5"));
        BrokerTestPipeline.send(producer, ual, TENANT, "not json".getBytes(StandardCharsets.UTF_8));
        BrokerTestPipeline.send(producer, ual, TENANT, bind("ual-2", 600, "188.166.1.20"));
        producer.flush();
      }

      // The binder looks for new Kafka metrics every few seconds: the series come and fill in.
      await()
          .atMost(PATIENCE)
          .untilAsserted(() -> assertExportsWhatTheDetectorDid(scrape(base), config));

      HttpResponse<String> health = get(base, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"state\":\"RUNNING\"");
    }

    assertThatThrownBy(() -> get(base, "/health"))
        .as("the endpoint stops with the detector")
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void isReadyOnANewDiskOnlyOnceItHasRestoredEveryStore() throws Exception {
    var pipeline = new BrokerTestPipeline(broker, stateRoot);
    StormwatchConfig first = pipeline.instance("first", Map.of());
    pipeline.createTopics(first);
    try (var detector = new DetectorApplication(first, TopologyFixture.IP_TABLE);
        var producer = pipeline.producer();
        Admin admin = pipeline.admin()) {
      detector.start();
      assertThat(detector.awaitRunning(PATIENCE)).isTrue();
      BrokerTestPipeline.send(producer, first.topics().signInRaw(), TENANT, signIn("si-1"));
      BrokerTestPipeline.send(
          producer, first.topics().ualRaw(), TENANT, bind("ual-1", 60, "73.22.10.5"));
      BrokerTestPipeline.send(
          producer, first.topics().ualRaw(), TENANT, bind("ual-2", 600, "188.166.1.20"));
      producer.flush();
      List<String> raw = List.of(first.topics().ualRaw(), first.topics().signInRaw());
      await()
          .atMost(PATIENCE)
          .until(() -> new ConsumerGroupLag(admin).of(first.applicationId(), raw) == 0);
    }
    long changelogRecords = committedChangelogRecords(pipeline, first.applicationId());
    assertThat(changelogRecords).isPositive();

    StormwatchConfig replacement = pipeline.instance("replacement", LOOPBACK_FREE_PORT);
    try (var detector = new DetectorApplication(replacement, TopologyFixture.IP_TABLE);
        var operations =
            DetectorOperations.start(
                replacement.metricsAddress().orElseThrow(), replacement, detector)) {
      URI base = base(operations.address());
      detector.start();
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> get(base, "/ready").statusCode() == 200);

      PrometheusScrape scrape = scrape(base);
      assertThat(scrape.sum("stormwatch_restore_restored_records_total", Map.of()))
          .as("everything the first instance logged, restored before ready")
          .isEqualTo(changelogRecords);
      assertThat(scrape.sum("stormwatch_restore_remaining_records", Map.of())).isZero();
      assertThat(scrape.sum("stormwatch_restore_partitions", Map.of())).isZero();
    }
  }

  /** The counters of the records published above, and the metrics Kafka Streams has. */
  private static void assertExportsWhatTheDetectorDid(
      PrometheusScrape scrape, StormwatchConfig config) {
    assertThat(scrape.sum("stormwatch_records_total", Map.of("outcome", "normalised")))
        .isEqualTo(3);
    assertThat(scrape.sum("stormwatch_records_total", Map.of("outcome", "duplicate"))).isEqualTo(1);
    assertThat(scrape.sum("stormwatch_records_total", Map.of("outcome", "dead-lettered")))
        .isEqualTo(1);
    assertThat(scrape.sum("stormwatch_records_total", Map.of("outcome", "late"))).isZero();
    assertThat(scrape.samples("stormwatch_records_total", Map.of()))
        .allSatisfy(sample -> assertThat(sample.labels()).containsKey("thread_id"));
    assertThat(scrape.sum("stormwatch_dead_letters_total", Map.of("reason", "not-json")))
        .isEqualTo(1);
    assertThat(scrape.sum("stormwatch_dead_letters_total", Map.of("reason", "bad-time"))).isZero();
    assertThat(scrape.samples("stormwatch_alerts_total", Map.of("rule", "token-replay")))
        .as("one series per severity, one of them at 1")
        .hasSize(4)
        .filteredOn(sample -> sample.value() == 1)
        .hasSize(1);
    assertThat(scrape.sum("stormwatch_alerts_total", Map.of("rule", "mail-burst"))).isZero();
    assertThat(
            scrape.sum(
                "stormwatch_committed_lag_records", Map.of("topic", config.topics().ualRaw())))
        .isZero();
    assertThat(scrape.sum("stormwatch_restore_partitions", Map.of())).isZero();
    assertThat(
            scrape.samples(
                "stormwatch_restore_remaining_records", Map.of("store", "account-state")))
        .singleElement()
        .satisfies(sample -> assertThat(sample.value()).isZero());
    assertThat(scrape.hasNameStartingWith("kafka_stream_thread_")).isTrue();
    assertThat(scrape.hasNameStartingWith("kafka_stream_task_")).isTrue();
    assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag_max", Map.of()))
        .isNotEmpty();
    assertThat(scrape.samples("kafka_stream_state_write_stall_duration_avg", Map.of()))
        .as("key-value and window stores, both exported")
        .extracting(sample -> sample.labels().get("state_id"))
        .contains("account-state", "normaliser-dedupe");
    assertThat(scrape.hasNameStartingWith("jvm_memory_used_bytes")).isTrue();
  }

  /**
   * Records of the application's changelogs a read_committed consumer sees: what a restore reads.
   */
  private static long committedChangelogRecords(BrokerTestPipeline pipeline, String applicationId)
      throws Exception {
    try (Admin admin = pipeline.admin()) {
      Set<String> changelogs =
          admin.listTopics().names().get().stream()
              .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-changelog"))
              .collect(Collectors.toSet());
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(changelogs)
          .allTopicNames()
          .get()
          .forEach(
              (topic, description) ->
                  description
                      .partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> ends =
          admin.listOffsets(latest).all().get().entrySet().stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      try (var consumer =
          new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        consumer.assign(ends.keySet());
        consumer.seekToBeginning(ends.keySet());
        long records = 0;
        while (ends.entrySet().stream()
            .anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
          records += consumer.poll(Duration.ofMillis(200)).count();
        }
        return records;
      }
    }
  }

  private static byte[] signIn(String id) {
    return RawRecords.signIn(id, TENANT, ALICE, T0, "73.22.10.5", 7922L, "US", "uti-stolen");
  }

  private static byte[] bind(String id, long secondsAfterSignIn, String ip) {
    return RawRecords.mailItemsAccessed(
        id, TENANT, ALICE, T0.plusSeconds(secondsAfterSignIn), ip, "uti-stolen", 2);
  }

  private PrometheusScrape scrape(URI base) throws IOException, InterruptedException {
    HttpResponse<String> response = get(base, "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    return PrometheusScrape.parse(response.body());
  }

  private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI base(InetSocketAddress address) {
    return URI.create("http://127.0.0.1:" + address.getPort());
  }
}
