package io.stormwatch.detector.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RawRecordTimestampsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final long PARTITION_TIME = NOW.minusSeconds(3600).toEpochMilli();

  private final RawRecordTimestamps timestamps =
      new RawRecordTimestamps(
          Duration.ofMinutes(15),
          (record, partitionTime) -> record.timestamp(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void keepsTheTimestampOfARecordUpToTheAllowedSkewAhead() {
    long recorded = NOW.minus(Duration.ofDays(400)).toEpochMilli();
    long slightlyAhead = NOW.plus(Duration.ofMinutes(15)).toEpochMilli();

    assertThat(timestamps.extract(record(recorded), PARTITION_TIME)).isEqualTo(recorded);
    assertThat(timestamps.extract(record(slightlyAhead), PARTITION_TIME)).isEqualTo(slightlyAhead);
    assertThat(timestamps.extract(record(0), PARTITION_TIME)).isZero();
  }

  @Test
  void givesARecordStampedFurtherAheadThePartitionsTimeSoThatStreamTimeStays() {
    long year2999 = Instant.parse("2999-12-31T23:59:59Z").toEpochMilli();
    long justTooFar = NOW.plus(Duration.ofMinutes(15)).toEpochMilli() + 1;

    assertThat(timestamps.extract(record(year2999), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
    assertThat(timestamps.extract(record(justTooFar), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
  }

  @Test
  void givesTheFirstRecordOfAPartitionZeroRatherThanDroppingIt() {
    long year2999 = Instant.parse("2999-12-31T23:59:59Z").toEpochMilli();

    assertThat(timestamps.extract(record(year2999), -1)).isZero();
    assertThat(timestamps.extract(record(-1), -1)).isZero();
    assertThat(timestamps.extract(record(-1), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
  }

  @Test
  void takesTheTimestampAnotherExtractorProposesWithinTheSameBounds() {
    long eventTime = NOW.minus(Duration.ofDays(3)).toEpochMilli();
    long year2999 = Instant.parse("2999-12-31T23:59:59Z").toEpochMilli();
    RawRecordTimestamps fromProposal =
        new RawRecordTimestamps(
            Duration.ofMinutes(15),
            (record, partitionTime) -> record.offset() == 42 ? eventTime : year2999,
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(fromProposal.extract(record(NOW.toEpochMilli()), PARTITION_TIME))
        .isEqualTo(eventTime);
    assertThat(fromProposal.extract(record(NOW.toEpochMilli(), 43), PARTITION_TIME))
        .isEqualTo(PARTITION_TIME);
  }

  private static ConsumerRecord<Object, Object> record(long timestamp) {
    return record(timestamp, 42);
  }

  private static ConsumerRecord<Object, Object> record(long timestamp, long offset) {
    return new ConsumerRecord<>(
        "m365.audit.raw",
        0,
        offset,
        timestamp,
        TimestampType.CREATE_TIME,
        0,
        0,
        null,
        null,
        new RecordHeaders(),
        Optional.empty());
  }
}
