package io.stormwatch.ingest.o365;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.ingest.auth.ClientCredential.ClientSecret;
import io.stormwatch.ingest.checkpoint.CheckpointTopic;
import io.stormwatch.ingest.http.RetryPolicy;
import io.stormwatch.ingest.http.StopSignal;
import io.stormwatch.ingest.sink.IngestTopics;
import io.stormwatch.ingest.sink.TransactionalSink;
import io.stormwatch.ingest.testing.CrashingProducer;
import io.stormwatch.ingest.testing.CrashingProducer.SimulatedCrash;
import io.stormwatch.ingest.testing.FakeManagementActivityApi;
import io.stormwatch.ingest.testing.FakeManagementActivityApi.Blob;
import io.stormwatch.ingest.testing.KafkaTopics;
import io.stormwatch.ingest.testing.MutableClock;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.schemas.avro.DeadLetter;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ingest o365} end to end on a real broker, against a local server that follows the
 * Management Activity API's documented contract (Microsoft itself cannot be reached from the
 * build): every record reaches the raw topic exactly once, keyed by tenant and stamped with its
 * CreationTime, through paging, repeats, out-of-order listings, throttling, expiry, late content,
 * restarts and a crash inside a blob's transaction.
 */
class O365IngestIT {

  private static final Instant T0 = Instant.parse("2026-03-03T12:00:00Z");
  private static final String TENANT_A = "41463f53-8812-40f4-890f-865bf6e35190";
  private static final String TENANT_B = "f28ab78a-d401-4060-8012-736e373933eb";
  private static final String CLIENT = "6731de76-14a6-49ae-97bc-6eba6914391e";
  private static final String SECRET = "test-secret";
  private static final String EXCHANGE = ContentTypes.EXCHANGE;
  private static final String ENTRA = ContentTypes.AZURE_ACTIVE_DIRECTORY;

  private static EmbeddedKafkaBroker broker;

  private final MutableClock clock = new MutableClock(T0);
  private final StopSignal stop = new StopSignal();
  private FakeManagementActivityApi api;
  private IngestTopics topics;
  private String transactionalId;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void setUp(TestInfo test) throws Exception {
    String name =
        test.getTestMethod().orElseThrow().getName()
            + test.getDisplayName().replaceAll("^\\[(\\d+)\\].*", "-$1").replaceAll("[^-0-9]", "");
    topics = new IngestTopics(name + ".m365.audit.raw", name + ".audit.dlq", name + ".checkpoints");
    transactionalId = "stormwatch-ingest-o365-" + name;
    KafkaTopics.create(
        broker.bootstrapServers(),
        Map.of(topics.raw(), 3, topics.deadLetters(), 1),
        topics.checkpoints());
    api = new FakeManagementActivityApi(clock);
    api.registerSecret(CLIENT, SECRET);
  }

  @AfterEach
  void tearDown() {
    api.close();
  }

  @Test
  void takesEveryRecordOnceThroughPagingRepeatsThrottlingAndExpiry() throws Exception {
    List<String> expected = new ArrayList<>();
    for (String tenant : List.of(TENANT_A, TENANT_B)) {
      for (String type : List.of(EXCHANGE, ENTRA)) {
        // five blobs over three days: three 24-hour listing windows
        for (int blob = 0; blob < 5; blob++) {
          expected.addAll(
              addBlob(tenant, type, blob, T0.minus(Duration.ofHours(70 - 15L * blob)), 3));
        }
      }
    }
    String good = ualRecord(TENANT_A, "bad-blob-1", T0.minus(Duration.ofHours(2)));
    String noTime =
        "{\"Id\":\"bad-blob-2\",\"OrganizationId\":\"" + TENANT_A + "\",\"Operation\":\"Send\"}";
    api.addBlob(
        TENANT_A,
        EXCHANGE,
        "with-a-bad-record",
        T0.minus(Duration.ofHours(2)),
        List.of(good, noTime));
    expected.add(good);
    api.addBlob(
        new Blob(
            TENANT_A,
            EXCHANGE,
            "expired",
            T0.minus(Duration.ofHours(30)),
            T0.minusSeconds(60),
            T0.minus(Duration.ofHours(30)),
            ("[" + ualRecord(TENANT_A, "lost", T0.minus(Duration.ofHours(31))) + "]")
                .getBytes(UTF_8)));
    api.pageSize(2);
    api.scrambleOrder(true);
    api.repeatAcrossPages(true);
    api.throttleNext(2, 1);

    PollReport report;
    try (O365Ingestor ingestor =
        ingestor(
            settings(List.of(TENANT_A, TENANT_B), List.of(EXCHANGE, ENTRA), Duration.ofDays(3)),
            sink())) {
      ingestor.start();
      report = ingestor.pollOnce();
    }

    List<ConsumerRecord<String, byte[]>> raw =
        KafkaTopics.readCommitted(broker.bootstrapServers(), topics.raw());
    assertThat(raw)
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(raw).allSatisfy(this::isKeyedByTenantAndStampedWithCreationTime);
    List<ConsumerRecord<String, byte[]>> deadLetters =
        KafkaTopics.readCommitted(broker.bootstrapServers(), topics.deadLetters());
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            r -> {
              DeadLetter letter = DeadLetterHeaders.read(r.headers(), r.value());
              assertThat(letter.getErrorType()).isEqualTo("NO_EVENT_TIME");
              assertThat(letter.getSourceTopic())
                  .isEqualTo("o365:" + TENANT_A + "/" + EXCHANGE + "/with-a-bad-record");
              assertThat(letter.getSourceOffset()).isEqualTo(1);
              assertThat(new String(r.value(), UTF_8)).isEqualTo(noTime);
            });
    assertThat(report.anyFailed()).as(report.toString()).isFalse();
    assertThat(report.records()).isEqualTo(expected.size());
    assertThat(report.deadLetters()).isEqualTo(1);
    assertThat(report.blobs()).isEqualTo(21);
    assertThat(report.feeds()).extracting(FeedReport::expiredBlobs).containsExactly(1L, 0L, 0L, 0L);
    assertThat(report.feeds().stream().mapToLong(FeedReport::repeatedBlobs).sum()).isPositive();
    assertThat(report.feeds().stream().mapToLong(FeedReport::throttled).sum()).isEqualTo(2);
    assertThat(api.fetches()).hasSize(21).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    assertThat(api.subscriptions()).hasSize(4);
  }

  /**
   * Each blob is 5 records and a checkpoint, so send 15 is the third record of the third blob and
   * send 18 is its checkpoint, the last send before the commit.
   */
  @ParameterizedTest(name = "[{index}] crash at send {0}")
  @ValueSource(ints = {15, 18})
  void aCrashInsideABlobsTransactionNeitherLosesNorRepeatsARecord(int crashAtSend)
      throws Exception {
    List<String> expected = new ArrayList<>();
    for (int blob = 0; blob < 6; blob++) {
      expected.addAll(addBlob(TENANT_A, EXCHANGE, blob, T0.minus(Duration.ofHours(12 - blob)), 5));
    }
    O365Settings settings = settings(List.of(TENANT_A), List.of(EXCHANGE), Duration.ofDays(1));
    O365Ingestor crashed =
        ingestor(
            settings,
            new TransactionalSink(
                new CrashingProducer(
                    TransactionalSink.producerConfig(cluster(), transactionalId), crashAtSend),
                topics));
    crashed.start();
    assertThatThrownBy(crashed::pollOnce).isInstanceOf(SimulatedCrash.class);

    PollReport resumed;
    try (O365Ingestor restarted = ingestor(settings, sink())) {
      assertThat(restarted.start()).isEqualTo(1);
      resumed = restarted.pollOnce();
    } finally {
      crashed.close();
    }

    assertThat(resumed.blobs()).isEqualTo(4);
    assertThat(KafkaTopics.readCommitted(broker.bootstrapServers(), topics.raw()))
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(api.fetches())
        .containsEntry(contentId(TENANT_A, EXCHANGE, 0), 1)
        .containsEntry(contentId(TENANT_A, EXCHANGE, 1), 1)
        .containsEntry(contentId(TENANT_A, EXCHANGE, 2), 2)
        .containsEntry(contentId(TENANT_A, EXCHANGE, 5), 1);
  }

  @Test
  void resumesFromItsCheckpointAndTakesContentThatWasListedLate() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int blob = 0; blob < 3; blob++) {
      expected.addAll(
          addBlob(TENANT_A, EXCHANGE, blob, T0.minus(Duration.ofMinutes(50 - 10L * blob)), 2));
    }
    O365Settings settings = settings(List.of(TENANT_A), List.of(EXCHANGE), Duration.ofDays(1));
    try (O365Ingestor first = ingestor(settings, sink())) {
      first.start();
      assertThat(first.pollOnce().blobs()).isEqualTo(3);
    }
    // Created before the first poll but listable only after it, and one created since.
    String late = ualRecord(TENANT_A, "late-1", T0.minus(Duration.ofMinutes(15)));
    api.addBlob(
        new Blob(
            TENANT_A,
            EXCHANGE,
            "late",
            T0.minus(Duration.ofMinutes(10)),
            T0.plus(Duration.ofDays(7)),
            T0.plus(Duration.ofMinutes(2)),
            ("[" + late + "]").getBytes(UTF_8)));
    expected.add(late);
    expected.addAll(addBlob(TENANT_A, EXCHANGE, 3, T0.plus(Duration.ofMinutes(3)), 2));
    clock.advance(Duration.ofMinutes(5));

    PollReport second;
    try (O365Ingestor restarted = ingestor(settings, sink())) {
      assertThat(restarted.start()).isEqualTo(1);
      second = restarted.pollOnce();
    }

    assertThat(second.blobs()).isEqualTo(2);
    assertThat(second.feeds().get(0).alreadyTakenBlobs()).isEqualTo(3);
    assertThat(KafkaTopics.readCommitted(broker.bootstrapServers(), topics.raw()))
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(api.fetches()).hasSize(5).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    assertThat(
            new CheckpointTopic(cluster(), topics.checkpoints(), Duration.ofSeconds(30))
                .readAll("o365/"))
        .containsOnlyKeys(O365Ingestor.checkpointKey(TENANT_A, EXCHANGE));
  }

  @Test
  void startsAStoppedSubscriptionAgainAtTheNextPoll() throws Exception {
    List<String> expected =
        new ArrayList<>(addBlob(TENANT_A, EXCHANGE, 0, T0.minusSeconds(600), 2));
    O365Settings settings = settings(List.of(TENANT_A), List.of(EXCHANGE), Duration.ofDays(1));
    try (O365Ingestor ingestor = ingestor(settings, sink())) {
      ingestor.start();
      assertThat(ingestor.pollOnce().blobs()).isEqualTo(1);
      api.stopSubscriptions();
      clock.advance(Duration.ofMinutes(5));
      expected.addAll(addBlob(TENANT_A, EXCHANGE, 1, T0.plusSeconds(60), 2));

      PollReport refused = ingestor.pollOnce();
      PollReport next = ingestor.pollOnce();

      assertThat(refused.feeds())
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.failure())
                      .hasValueSatisfying(m -> assertThat(m).contains("AF20022")));
      assertThat(next.anyFailed()).isFalse();
      assertThat(next.blobs()).isEqualTo(1);
    }
    assertThat(KafkaTopics.readCommitted(broker.bootstrapServers(), topics.raw()))
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private void isKeyedByTenantAndStampedWithCreationTime(ConsumerRecord<String, byte[]> record) {
    String json = new String(record.value(), UTF_8);
    assertThat(json).contains("\"OrganizationId\":\"" + record.key() + "\"");
    String creation = json.replaceAll(".*\"CreationTime\":\"([^\"]+)\".*", "$1");
    assertThat(record.timestamp())
        .isEqualTo(LocalDateTime.parse(creation).toInstant(ZoneOffset.UTC).toEpochMilli());
  }

  /** Adds a blob of {@code records} UAL records that happened in the hour before its creation. */
  private List<String> addBlob(String tenant, String type, int blob, Instant created, int records) {
    List<String> added = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      added.add(
          ualRecord(
              tenant,
              contentId(tenant, type, blob) + "-" + i,
              created.minus(Duration.ofMinutes(60 - 7L * i))));
    }
    api.addBlob(tenant, type, contentId(tenant, type, blob), created, added);
    return added;
  }

  private static String contentId(String tenant, String type, int blob) {
    return "20260303" + blob + "$" + type.replace('.', '_') + "$" + tenant.substring(0, 8);
  }

  private static String ualRecord(String tenant, String id, Instant time) {
    return "{\"CreationTime\":\""
        + LocalDateTime.ofInstant(time, ZoneOffset.UTC)
        + "\",\"Id\":\""
        + id
        + "\",\"Operation\":\"MailItemsAccessed\",\"OrganizationId\":\""
        + tenant
        + "\",\"RecordType\":50,\"UserId\":\"alice@contoso.com\",\"OperationCount\":\"2\"}";
  }

  private O365Settings settings(List<String> tenants, List<String> types, Duration lookback) {
    return new O365Settings(
        tenants,
        types,
        CLIENT,
        new ClientSecret(SECRET),
        api.root(),
        api.root(),
        MicrosoftCloud.COMMERCIAL.apiRoot().toString(),
        Optional.empty(),
        Duration.ofMinutes(5),
        lookback,
        Duration.ofHours(1),
        new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2)),
        Duration.ofSeconds(30));
  }

  private O365Ingestor ingestor(O365Settings settings, TransactionalSink sink) {
    return new O365Ingestor(
        settings,
        ManagementActivityApi.connect(settings, clock, stop),
        sink,
        new CheckpointTopic(cluster(), topics.checkpoints(), Duration.ofSeconds(60)),
        clock,
        stop);
  }

  private TransactionalSink sink() {
    return TransactionalSink.connect(cluster(), transactionalId, topics);
  }

  private Map<String, Object> cluster() {
    return Map.of("bootstrap.servers", broker.bootstrapServers());
  }
}
