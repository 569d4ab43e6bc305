package io.stormwatch.detector.topology;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.testing.RawRecords;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.DeadLetter;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Records dated far from now and records beyond the size and shape limits: dead-lettered with a
 * reason, and unable to stall the time-driven detections or suppress later alerts.
 *
 * <p>Why a future date could do that: Kafka Streams' stream time is the largest record timestamp a
 * task has seen and never goes back, and each account's lateness watermark is the latest event time
 * it has seen. One record dated 2999 would set both to 2999: every later event of its account would
 * be late, and the stream-time punctuation that judges token uses would fire once at 2999 and then
 * not again. The normaliser refuses event times beyond the clock plus {@code
 * normaliser.max.clock.skew}, before any state, and the raw sources' timestamp extractor keeps a
 * record stamped beyond it from moving stream time.
 */
class HostileInputTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant YEAR_2999 = Instant.parse("2999-12-31T23:59:59Z");
  private static final byte[] TENANT_KEY = TENANT.getBytes(StandardCharsets.UTF_8);

  private final TopologyFixture pipeline = new TopologyFixture();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void anEventDatedInTheYear2999DoesNotSuppressTheTokenReplayAlertOfItsAccount() {
    pipeline.ualRaw.pipeInput(
        TENANT_KEY,
        RawRecords.mailItemsAccessed("from-2999", TENANT, ALICE, YEAR_2999, "73.22.10.5", "u0", 1),
        YEAR_2999);

    pipeline.tokenReplayOfAlice(T0);

    assertThat(pipeline.alerts()).extracting(Alert::getRuleId).containsExactly("token-replay");
    assertThat(pipeline.late.isEmpty()).as("the attack's events are not late").isTrue();
    TestRecord<byte[], byte[]> letter = pipeline.deadLetters.readRecord();
    DeadLetter dead = DeadLetterHeaders.read(letter.headers(), letter.value());
    assertThat(dead.getErrorType()).isEqualTo("future-time");
    assertThat(dead.getReason())
        .isEqualTo("event time 2999-12-31T23:59:59Z is more than 15m ahead of the clock");
    assertThat(letter.getRecordTime())
        .as("stamped when it was rejected, a time the broker accepts")
        .isEqualTo(TopologyFixture.WALL_CLOCK);
  }

  @Test
  void aRawRecordStampedInTheYear2999DoesNotStopTheOrphanTokenChecks() {
    // A sign-in whose event time is fine, on a raw record a producer stamped 2999.
    pipeline.signInRaw.pipeInput(
        TENANT_KEY,
        RawRecords.signIn("bob-si-x", TENANT, BOB, T0, "73.1.2.3", 7922L, "US", "bob-x"),
        YEAR_2999);
    pipeline.ualRaw.pipeInput(
        TENANT_KEY,
        RawRecords.mailItemsAccessed(
            "forged-1", TENANT, ALICE, T0, "188.166.1.20", "never-issued", "unknown-session", 40),
        T0);
    for (int m = 0; m <= 180; m += 15) {
      pipeline.bobSignsIn(T0.plus(Duration.ofMinutes(m)));
    }

    List<Alert> alerts = pipeline.alerts();

    assertThat(alerts).extracting(Alert::getRuleId).containsExactly("orphan-token");
    assertThat(alerts.get(0).getEvidence().getSampleEventIds()).containsExactly("forged-1");
    assertThat(pipeline.events.readValuesToList())
        .as("the record stamped 2999 is still normalised by its own event time")
        .anySatisfy(e -> assertThat(e.getEventId()).isEqualTo("bob-si-x"));
  }

  @Test
  void anEventDated1970IsDeadLetteredBeforeItReachesAnyState() {
    Instant epoch = Instant.EPOCH;
    pipeline.ualRaw.pipeInput(
        TENANT_KEY,
        RawRecords.mailItemsAccessed(
            "from-1970", TENANT, ALICE, epoch, "188.166.1.20", "never-issued", "s-1970", 40),
        epoch);
    for (int m = 0; m <= 180; m += 15) {
      pipeline.bobSignsIn(T0.plus(Duration.ofMinutes(m)));
    }

    assertThat(pipeline.alerts()).isEmpty();
    assertThat(pipeline.events.readValuesToList())
        .noneSatisfy(e -> assertThat(e.getEventId()).isEqualTo("from-1970"));
    TestRecord<byte[], byte[]> letter = pipeline.deadLetters.readRecord();
    DeadLetter dead = DeadLetterHeaders.read(letter.headers(), letter.value());
    assertThat(dead.getErrorType()).isEqualTo("before-earliest-time");
    assertThat(dead.getReason())
        .isEqualTo("event time 1970-01-01T00:00:00Z is before 2000-01-01T00:00:00Z");
    assertThat(letter.getRecordTime())
        .as("not 1970, which time-based retention would delete at once")
        .isEqualTo(TopologyFixture.WALL_CLOCK);
  }

  @Test
  void holdsRecordsToTheConfiguredLimitsEachWithItsOwnReason() {
    try (TopologyFixture strict =
        new TopologyFixture(
            StormwatchConfig.from(
                Map.of(
                    StormwatchConfig.MAX_NESTING_DEPTH, "5",
                    StormwatchConfig.MAX_ARRAY_ELEMENTS, "3",
                    StormwatchConfig.MAX_RECORD_BYTES, "4096",
                    StormwatchConfig.MAX_MESSAGE_BYTES, "16384")))) {
      String good =
          new String(
              RawRecords.mailItemsAccessed("ok", TENANT, ALICE, T0, "73.22.10.5", "u1", 1),
              StandardCharsets.UTF_8);
      List<String> hostile =
          List.of(
              withField(good, "Deep", "[[[[[1]]]]]"),
              withField(good, "Long", "[1,2,3,4]"),
              withField(good, "Large", "\"" + "x".repeat(5000) + "\""),
              "[" + (good + ",").repeat(19) + good + "]");
      for (String message : hostile) {
        strict.ualRaw.pipeInput(TENANT_KEY, message.getBytes(StandardCharsets.UTF_8), T0);
      }

      assertThat(strict.deadLetters.readRecordsToList())
          .extracting(r -> DeadLetterHeaders.read(r.headers(), r.value()).getErrorType())
          .containsExactly("too-deep", "array-too-long", "too-large", "message-too-large");
      assertThat(strict.events.isEmpty()).isTrue();
    }
  }

  private static String withField(String record, String name, String json) {
    return record.substring(0, record.length() - 1) + ",\"" + name + "\":" + json + "}";
  }
}
