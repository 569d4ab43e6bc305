package io.stormwatch.traffic.replay;

import static io.stormwatch.traffic.replay.AuditRecords.CONTOSO;
import static io.stormwatch.traffic.replay.AuditRecords.FABRIKAM;
import static io.stormwatch.traffic.replay.AuditRecords.file;
import static io.stormwatch.traffic.replay.AuditRecords.mailRead;
import static io.stormwatch.traffic.replay.AuditRecords.signIn;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.stormwatch.formats.files.FileFormat;
import io.stormwatch.formats.files.FileLimits;
import io.stormwatch.formats.files.RawKind;
import io.stormwatch.schemas.avro.DeadLetter;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import io.stormwatch.traffic.publish.RawTopicNames;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replayer against kafka-clients' producer double; real brokers are covered by the ITs. */
class ReplayerTest {

  private static final Instant NINE = Instant.parse("2026-03-03T09:00:00Z");
  private static final String UAL_TOPIC = "test.ual.raw";
  private static final String SIGNIN_TOPIC = "test.signin.raw";
  private static final String DLQ = "test.dlq";

  @TempDir Path dir;

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final ReplaySettings settings =
      ReplaySettings.defaults().withDeadLetterTopic(DLQ).withSortMemory(1 << 20, Path.of("."));

  @Test
  void sendsTheRecordsOfAllFilesInEventTimeOrderToTheirRawTopics() throws Exception {
    String mail0900 = mailRead(CONTOSO, NINE, "m1");
    String mail0930 = mailRead(FABRIKAM, NINE.plusSeconds(1800), "m2");
    String signIn0915 = signIn(CONTOSO, NINE.plusSeconds(900), "s1");
    // A Purview-like export is newest first; the second file fits in between.
    Path newestFirst = file(dir, "a.jsonl", List.of(mail0930, mail0900));
    Path signIns = file(dir, "b.jsonl", List.of(signIn0915));

    ReplayReport report = replay(settings, newestFirst, signIns);

    List<ProducerRecord<String, byte[]>> sent = producer.history();
    assertThat(sent)
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactly(mail0900, signIn0915, mail0930);
    assertThat(sent)
        .extracting(ProducerRecord::topic)
        .containsExactly(UAL_TOPIC, SIGNIN_TOPIC, UAL_TOPIC);
    assertThat(sent).extracting(ProducerRecord::key).containsExactly(CONTOSO, CONTOSO, FABRIKAM);
    assertThat(sent)
        .extracting(ProducerRecord::timestamp)
        .containsExactly(
            NINE.toEpochMilli(),
            NINE.plusSeconds(900).toEpochMilli(),
            NINE.plusSeconds(1800).toEpochMilli());
    assertThat(report.sent()).isEqualTo(3);
    assertThat(report.readByFormat()).containsEntry(FileFormat.JSON_LINES, 3L);
    assertThat(report.firstEventTime()).isEqualTo(NINE);
    assertThat(report.lastEventTime()).isEqualTo(NINE.plusSeconds(1800));
  }

  @Test
  void deadLettersUnreadableRecordsWithTheReasonAndTheirFileAndLine() throws Exception {
    Path recording =
        file(
            dir,
            "mixed.jsonl",
            List.of(mailRead(CONTOSO, NINE, "m1"), "this is not json", "{\"colour\":\"blue\"}"));

    ReplayReport report = replay(settings, recording);

    List<ProducerRecord<String, byte[]>> deadLetters =
        producer.history().stream().filter(r -> r.topic().equals(DLQ)).toList();
    assertThat(deadLetters).hasSize(2);
    DeadLetter notJson =
        DeadLetterHeaders.read(deadLetters.get(0).headers(), deadLetters.get(0).value());
    assertThat(notJson.getErrorType()).isEqualTo("not-json");
    assertThat(notJson.getSourceTopic()).isEqualTo(recording + ":2");
    assertThat(notJson.getSourcePartition()).isEqualTo(-1);
    assertThat(new String(deadLetters.get(0).value(), UTF_8)).isEqualTo("this is not json");
    DeadLetter otherShape =
        DeadLetterHeaders.read(deadLetters.get(1).headers(), deadLetters.get(1).value());
    assertThat(otherShape.getErrorType()).isEqualTo("unsupported-shape");
    assertThat(otherShape.getReason()).contains("colour");
    assertThat(report.readByKind()).containsEntry(RawKind.UNKNOWN, 2L);
    assertThat(report.rejected())
        .extracting(ReplayReport.RejectionCount::errorType)
        .containsExactlyInAnyOrder("not-json", "unsupported-shape");
    assertThat(report.read()).isEqualTo(report.sent() + report.rejectedCount());
  }

  @Test
  void leavesOutAndCountsRecordsOutsideTheEventTimeRange() throws Exception {
    Path recording =
        file(
            dir,
            "day.jsonl",
            List.of(
                mailRead(CONTOSO, NINE, "early"),
                mailRead(CONTOSO, NINE.plusSeconds(3600), "inside"),
                mailRead(CONTOSO, NINE.plusSeconds(7200), "late")));
    EventTimeRange tenToEleven = new EventTimeRange(NINE.plusSeconds(3600), NINE.plusSeconds(7200));

    ReplayReport report = replay(settings.withRange(tenToEleven), recording);

    assertThat(producer.history())
        .extracting(r -> new String(r.value(), UTF_8))
        .singleElement()
        .asString()
        .contains("inside");
    assertThat(report.outsideRange()).isEqualTo(2);
    assertThat(report.read()).isEqualTo(3);
  }

  @Test
  void deadLettersTimesAKafkaTimestampCannotCarry() throws Exception {
    Path recording =
        file(
            dir,
            "times.jsonl",
            List.of(
                mailRead(CONTOSO, Instant.parse("1960-01-01T00:00:00Z"), "before-1970"),
                mailRead(CONTOSO, Instant.now().plusSeconds(86_400), "tomorrow"),
                mailRead(CONTOSO, NINE, "fine")));

    ReplayReport report = replay(settings, recording);

    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.errorType()).isEqualTo("bad-time");
              assertThat(r.count()).isEqualTo(2);
            });
    assertThat(producer.history()).extracting(ProducerRecord::timestamp).allMatch(t -> t >= 0);
  }

  @Test
  void sendsAnyTimeToTopicsThatAcceptEveryTimestamp() throws Exception {
    Instant year2999 = Instant.parse("2999-12-31T23:59:59Z");
    Path recording = file(dir, "far.jsonl", List.of(mailRead(CONTOSO, year2999, "far")));

    ReplayReport report =
        replay(settings.withFutureTolerance(Duration.ofMillis(Long.MAX_VALUE)), recording);

    assertThat(report.sent()).isEqualTo(1);
    assertThat(producer.history().get(0).timestamp()).isEqualTo(year2999.toEpochMilli());
  }

  @Test
  void sendsRecordsWithoutEventTimeLastStampedWithTheReplaysStart() throws Exception {
    String timeless =
        "{\"CreationTime\":\"not a time\",\"Id\":\"x\",\"Operation\":\"MailItemsAccessed\","
            + "\"OrganizationId\":\""
            + CONTOSO
            + "\"}";
    Path recording = file(dir, "timeless.jsonl", List.of(timeless, mailRead(CONTOSO, NINE, "m")));
    Instant before = Instant.now();

    ReplayReport report = replay(settings, recording);

    ProducerRecord<String, byte[]> last = producer.history().get(1);
    assertThat(new String(last.value(), UTF_8)).isEqualTo(timeless);
    assertThat(last.timestamp()).isBetween(before.toEpochMilli(), Instant.now().toEpochMilli());
    assertThat(report.withoutEventTime()).isEqualTo(1);
  }

  @Test
  void reportsAFileItCannotReadAndReplaysTheOthers() throws Exception {
    Path broken = dir.resolve("broken.json.gz");
    Files.write(broken, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    Path fine = file(dir, "fine.jsonl", List.of(mailRead(CONTOSO, NINE, "m")));

    ReplayReport report = replay(settings, broken, fine);

    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.unreadableFiles())
        .singleElement()
        .satisfies(f -> assertThat(f.path()).isEqualTo(broken));
  }

  @Test
  void keepsTheRecordsBeforeTheDamageOfACutOffGzipFile() throws Exception {
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      for (int i = 0; i < 5_000; i++) {
        out.write((mailRead(CONTOSO, NINE.plusSeconds(i), "m" + i) + "\n").getBytes(UTF_8));
      }
    }
    byte[] whole = gzip.toByteArray();
    Path cutOff = dir.resolve("cut-off.jsonl.gz");
    Files.write(cutOff, Arrays.copyOf(whole, whole.length * 3 / 4));

    ReplayReport report = replay(settings, cutOff);

    assertThat(report.sent()).isBetween(1L, 4_999L);
    assertThat(report.unreadableFiles())
        .singleElement()
        .satisfies(f -> assertThat(f.problem()).startsWith("stopped after " + report.sent()));
  }

  @Test
  void deadLettersAnOverlongLineAndAGzipBombOnceEachWithTheirLineAndReplaysOn() throws Exception {
    String good = mailRead(CONTOSO, NINE, "m1");
    Path longLine = dir.resolve("long-line.jsonl");
    Files.write(
        longLine,
        (good + "\n" + "x".repeat(1024 * 1024) + "\n" + mailRead(CONTOSO, NINE, "m2") + "\n")
            .getBytes(UTF_8));
    Path bomb = dir.resolve("bomb.jsonl.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
      out.write((mailRead(CONTOSO, NINE, "m3") + "\n").getBytes(UTF_8));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 96; i++) {
        out.write(zeros);
      }
      out.write(("\n" + mailRead(CONTOSO, NINE, "never-read") + "\n").getBytes(UTF_8));
    }
    Path after = file(dir, "after.jsonl", List.of(mailRead(CONTOSO, NINE, "m4")));

    ReplayReport report =
        replay(settings.withFileLimits(new FileLimits(128 * 1024, 200)), longLine, bomb, after);

    assertThat(report.sent()).isEqualTo(4);
    List<DeadLetter> deadLetters =
        producer.history().stream()
            .filter(r -> r.topic().equals(DLQ))
            .map(r -> DeadLetterHeaders.read(r.headers(), r.value()))
            .toList();
    assertThat(deadLetters)
        .extracting(DeadLetter::getErrorType, DeadLetter::getSourceTopic)
        .containsExactlyInAnyOrder(
            tuple("message-too-large", longLine + ":2"), tuple("decompression-bomb", bomb + ":2"));
    assertThat(deadLetters)
        .allSatisfy(d -> assertThat(d.getPayload().remaining()).isLessThanOrEqualTo(64 * 1024));
    assertThat(report.read()).isEqualTo(report.sent() + report.rejectedCount());
    assertThat(report.unreadableFiles())
        .singleElement()
        .satisfies(f -> assertThat(f.problem()).contains("decompression bomb"));
  }

  private ReplayReport replay(ReplaySettings replaySettings, Path... files)
      throws IOException, InterruptedException {
    try (RawTopicPublisher publisher =
        new RawTopicPublisher(producer, new RawTopicNames(UAL_TOPIC, SIGNIN_TOPIC), n -> {}, 100)) {
      return new Replayer(replaySettings.withSortMemory(1 << 20, dir), ReplayProgress.NONE)
          .replay(List.of(files), publisher);
    }
  }
}
