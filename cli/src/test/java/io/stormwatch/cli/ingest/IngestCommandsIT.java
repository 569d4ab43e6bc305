package io.stormwatch.cli.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import io.stormwatch.ingest.testing.FakeManagementActivityApi;
import io.stormwatch.ingest.testing.KafkaTopics;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two commands as a person runs them, with {@code --once}: settings from {@code --set}, topics
 * created, records on the raw topics. Microsoft cannot be reached from the build: the Management
 * Activity API is a local server following its documented contract, and a second embedded broker
 * stands in for the Event Hubs Kafka endpoint.
 */
class IngestCommandsIT {

  private static final String TENANT = "41463f53-8812-40f4-890f-865bf6e35190";
  private static final String CLIENT = "6731de76-14a6-49ae-97bc-6eba6914391e";
  private static final String SECRET = "cli-secret-never-printed";

  private static EmbeddedKafkaBroker stormwatch;

  @BeforeAll
  static void startBroker() {
    stormwatch = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    stormwatch.close();
  }

  @Test
  void o365PollsOnceIntoTheRawTopicAndTellsWhatItDid() throws Exception {
    Instant now = Instant.now();
    List<String> records = new ArrayList<>();
    try (FakeManagementActivityApi api = new FakeManagementActivityApi(Clock.systemUTC())) {
      api.registerSecret(CLIENT, SECRET);
      for (int i = 0; i < 3; i++) {
        String record =
            "{\"CreationTime\":\""
                + LocalDateTime.ofInstant(now.minus(Duration.ofHours(3 - i)), ZoneOffset.UTC)
                + "\",\"Id\":\"cli-"
                + i
                + "\",\"Operation\":\"MailItemsAccessed\",\"OrganizationId\":\""
                + TENANT
                + "\"}";
        records.add(record);
        api.addBlob(
            TENANT,
            "Audit.Exchange",
            "cli-blob-" + i,
            // Not "now": a blob created in the listing's last second may fall after its end,
            // which is truncated to whole seconds, and is then listed by the next poll.
            now.minus(Duration.ofHours(3 - i)).plus(Duration.ofMinutes(5)),
            List.of(record));
      }

      CommandRun run =
          CommandRun.of(
              new IngestCommand(),
              "o365",
              "--once",
              "--bootstrap-servers",
              stormwatch.bootstrapServers(),
              "--set",
              "topic.ual.raw=cli.m365.audit.raw",
              "--set",
              "topic.signin.raw=cli.entra.signin.raw",
              "--set",
              "topic.retention=36500d",
              "--set",
              "ingest.o365.tenants=" + TENANT,
              "--set",
              "ingest.o365.content.types=Audit.Exchange",
              "--set",
              "ingest.o365.client.id=" + CLIENT,
              "--set",
              "ingest.o365.client.secret=" + SECRET,
              "--set",
              "ingest.o365.api.root=" + api.root(),
              "--set",
              "ingest.o365.login.authority=" + api.root());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out())
          .contains("0 of 1 feeds resume")
          .contains(TENANT + " Audit.Exchange: 3 blobs, 3 records")
          .doesNotContain(SECRET);
    }
    assertThat(KafkaTopics.readCommitted(stormwatch.bootstrapServers(), "cli.m365.audit.raw"))
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactlyInAnyOrderElementsOf(records);
  }

  @Test
  void eventHubReadsToTheEndIntoTheRawTopic() throws Exception {
    String envelope =
        "{\"records\":[{\"time\":\"2026-03-03T10:00:00Z\",\"category\":\"SignInLogs\",\"tenantId\":\""
            + TENANT
            + "\",\"properties\":{\"id\":\"s1\",\"userPrincipalName\":\"alice@contoso.com\"}}]}";
    try (EmbeddedKafkaBroker eventHubs = EmbeddedKafkaBroker.start()) {
      KafkaTopics.create(eventHubs.bootstrapServers(), Map.of("insights-logs-signinlogs", 1), null);
      try (KafkaProducer<String, String> hub =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", eventHubs.bootstrapServers()),
              new StringSerializer(),
              new StringSerializer())) {
        hub.send(new ProducerRecord<>("insights-logs-signinlogs", envelope)).get();
      }

      CommandRun run =
          CommandRun.of(
              new IngestCommand(),
              "eventhub",
              "--once",
              "--bootstrap-servers",
              stormwatch.bootstrapServers(),
              "--set",
              "topic.ual.raw=hub.m365.audit.raw",
              "--set",
              "topic.signin.raw=hub.entra.signin.raw",
              "--set",
              "topic.retention=36500d",
              "--set",
              "ingest.eventhub.bootstrap.servers=" + eventHubs.bootstrapServers(),
              "--set",
              "ingest.eventhub.name=insights-logs-signinlogs");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("1 event: 1 sign-in, 0 dead letters");
    }
    assertThat(KafkaTopics.readCommitted(stormwatch.bootstrapServers(), "hub.entra.signin.raw"))
        .singleElement()
        .satisfies(r -> assertThat(r.key()).isEqualTo(TENANT));
  }
}
