package io.stormwatch.cli.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stormwatch.cli.CommandRun;
import io.stormwatch.cli.heatmap.HeatmapCommand;
import io.stormwatch.cli.pipeline.EmbeddedPipeline;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.ipintel.Network;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code stormwatch alerts} reading what a detector wrote on a real broker: the Avro alerts, their
 * OCSF findings, and, following, a revision committed while it runs (last: it adds that revision).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsCommandIT {

  private static final String TENANT = "7d0c5c1a-0000-4000-8000-00000000c0de";
  private static final String ALICE = "alice@contoso.com";

  /**
   * Yesterday, 09:00: the topics keep records for 180 days by their timestamps, which are event
   * times, so a fixed date would age out of the topic while the test suite lives on.
   */
  private static final Instant T0 =
      Instant.now()
          .truncatedTo(ChronoUnit.DAYS)
          .minus(Duration.ofDays(1))
          .plus(Duration.ofHours(9));

  private static final IpIntelligence NETWORKS =
      IpIntelligence.of(
          Map.of(
              "73.0.0.0/8", new Network(7922, "Comcast Cable Communications, LLC", "US"),
              "188.166.0.0/16", new Network(14061, "DigitalOcean, LLC", "NL"),
              "12.0.0.0/8", new Network(7018, "AT&T Services, Inc.", "US")));

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private static EmbeddedPipeline pipeline;

  @BeforeAll
  static void aDetectorHasRaisedOneAlert() throws Exception {
    pipeline =
        EmbeddedPipeline.start(
            Map.of("topic.alerts.ocsf", "alerts.ocsf", "topic.partitions", "1"),
            NETWORKS,
            alert -> {},
            config -> {
              // Alice's token is used at home, then from a VPS abroad: token replay, revision 1.
              publishMailRead(config.bootstrapServers(), "ual-0", T0, "73.22.10.5");
              publishMailRead(
                  config.bootstrapServers(), "ual-1", T0.plusSeconds(600), "188.166.1.20");
            });
    pipeline.awaitDrained(Duration.ofMinutes(2), lag -> {});
  }

  @AfterAll
  static void stop() throws InterruptedException {
    pipeline.close();
  }

  @Test
  @Order(1)
  void printsTheAvroAlertsAndExits() {
    CommandRun run =
        CommandRun.of(new AlertsCommand(), "--bootstrap-servers", pipeline.bootstrapServers());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(MINUTE.format(T0.plusSeconds(600)) + "  CRITICAL")
                    .contains("token-replay")
                    .endsWith("rev 1]")
                    .doesNotContain("\u001B["));
    assertThat(run.err()).contains("1 revision of 1 alert on alerts.");
  }

  @Test
  @Order(2)
  void printsTheOcsfFindingsAsTheSameLinesColouredBySeverity() {
    CommandRun avro =
        CommandRun.of(new AlertsCommand(), "--bootstrap-servers", pipeline.bootstrapServers());
    CommandRun ocsf =
        CommandRun.of(
            new AlertsCommand(),
            "--bootstrap-servers",
            pipeline.bootstrapServers(),
            "--format",
            "ocsf",
            "--set",
            "topic.alerts.ocsf=alerts.ocsf",
            "--color=always");

    assertThat(ocsf.exitCode()).as(ocsf.toString()).isZero();
    // CRITICAL (a token in two countries ten minutes apart) is bold red
    assertThat(ocsf.out()).isEqualTo("\u001B[1;31m" + avro.out().strip() + "\u001B[0m\n");
  }

  @Test
  @Order(3)
  void followsAlertsCommittedWhileItRuns() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new AlertsCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    Thread runner =
        new Thread(
            () ->
                exitCode.complete(
                    cli.execute(
                        "--bootstrap-servers",
                        pipeline.bootstrapServers(),
                        "--follow",
                        "--from-now")),
            "alerts-follow");
    runner.start();
    await().atMost(Duration.ofMinutes(1)).until(() -> err.toString().contains("Following"));

    // A third network: the same alert, revision 2.
    publishMailRead(pipeline.bootstrapServers(), "ual-2", T0.plusSeconds(1200), "12.0.1.9");

    await().atMost(Duration.ofMinutes(1)).until(() -> out.toString().contains("rev 2]"));
    runner.interrupt(); // as Ctrl-C would stop it
    assertThat(exitCode.get()).as("exit code; printed %s%s", out, err).isZero();
    assertThat(out.toString().lines()).singleElement().asString().contains("token-replay");
    assertThat(err.toString()).contains("1 revision of 1 alert on alerts.");
  }

  @Test
  @Order(4)
  void drawsTheHeatmapOfTheAlertsIncidentFromTheTopic(@TempDir Path dir) {
    CommandRun list =
        CommandRun.of(new HeatmapCommand(), "--bootstrap-servers", pipeline.bootstrapServers());
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out()).contains("1 incident(s) on alerts:").contains(ALICE);
    String incidentId = list.out().lines().toList().get(1).strip().split(" ")[0];

    Path svg = dir.resolve("incident.svg");
    CommandRun draw =
        CommandRun.of(
            new HeatmapCommand(),
            "--bootstrap-servers",
            pipeline.bootstrapServers(),
            "--incident",
            incidentId,
            "--out",
            svg.toString());

    assertThat(draw.exitCode()).as(draw.toString()).isZero();
    // Alice's only hour is the replay's (09:00 yesterday, UTC): none of her own beside it
    assertThat(draw.out())
        .startsWith(ALICE + ", incident " + incidentId + ": token-replay; 1 alert")
        .contains("Outside the account's own hours: 1 of the incident's 1 clock hour.");
    assertThat(svg).content().contains("<svg").contains(", outside the account's own hours");
  }

  private static void publishMailRead(String servers, String id, Instant at, String ip) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", servers),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(
              "m365.audit.raw",
              null,
              at.toEpochMilli(),
              TENANT.getBytes(StandardCharsets.UTF_8),
              mailItemsAccessed(id, at, ip)));
    }
  }

  /** A UAL MailItemsAccessed Bind record, as the Management Activity API returns it. */
  private static byte[] mailItemsAccessed(String id, Instant at, String ip) {
    String time = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    String json =
        """
        {"CreationTime":"%s","Id":"%s","Operation":"MailItemsAccessed","OrganizationId":"%s",\
        "RecordType":50,"ResultStatus":"Succeeded","UserKey":"10032000A1B2C3D4","UserType":0,\
        "Version":1,"Workload":"Exchange","UserId":"%s",\
        "ClientAppId":"9199bf20-a13f-4107-85dc-02114787ef48","ClientIPAddress":"%s",\
        "ClientInfoString":"Client=OWA;Action=ViaProxy","LogonType":0,"MailboxOwnerUPN":"%s",\
        "OperationProperties":[{"Name":"MailAccessType","Value":"Bind"},\
        {"Name":"IsThrottled","Value":"False"}],\
        "SessionId":"2f0a6b5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",\
        "AppAccessContext":{"AADSessionId":"2f0a6b5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",\
        "UniqueTokenId":"uti-stolen"},"OperationCount":3}
        """
            .formatted(time, id, TENANT, ALICE, ip, ALICE);
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
