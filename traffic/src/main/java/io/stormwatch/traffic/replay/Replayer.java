package io.stormwatch.traffic.replay;

import io.stormwatch.formats.common.RejectionType;
import io.stormwatch.formats.files.AuditFileReader;
import io.stormwatch.formats.files.RawKind;
import io.stormwatch.formats.files.RawRecord;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.traffic.publish.EventTimeLockstep;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import io.stormwatch.traffic.publish.RejectedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Replays recorded audit files to the raw topics in event-time order across all files.
 *
 * <p>First every file is read (any layout {@link AuditFileReader} detects) and its records are
 * sorted by event time in bounded memory ({@link EventTimeSorter}: sorted runs spilled to temporary
 * files, then a k-way merge), because recordings are often not sorted: a Purview export is
 * newest-first, and a tenant's logs come in several files. Then the records are sent in that order,
 * paced to the replay speed: Unified Audit Log records to the UAL topic, sign-ins to the sign-in
 * topic, keyed by tenant and stamped with their event time, the two topics kept in step in event
 * time ({@link EventTimeLockstep}) so that at full speed neither runs hours ahead of the other.
 *
 * <p>Nothing is dropped silently. Records outside the event-time range are counted. Records that
 * cannot go to a raw topic go to the dead-letter topic with the reason and their file and line in
 * the normaliser's headers: unreadable ones (not JSON, not an object, neither log), ones the file
 * reader refused (longer than a raw record may be, beyond the nesting or array limits, the point
 * where a decompression bomb was stopped: see {@link io.stormwatch.formats.files.FileLimits}), and
 * ones whose time Kafka cannot carry (before 1970, or further ahead of the clock than the broker
 * accepts). Records without an event time are stamped with the time the replay started and sent
 * last.
 */
public final class Replayer {

  private static final int PROGRESS_EVERY = 1000;

  /** Kept below the broker's limit, so that a record sent a little later is still accepted. */
  private static final Duration FUTURE_MARGIN = Duration.ofMinutes(1);

  private final ReplaySettings settings;
  private final ReplayProgress progress;
  private final UnreadableRecords unreadable = new UnreadableRecords();

  public Replayer(ReplaySettings settings, ReplayProgress progress) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Reads, sorts and sends every record of {@code files}, then flushes the publisher.
   *
   * @param files the files, as {@link RecordingFiles#expand} returns them
   * @param publisher sends to the cluster; the caller closes it
   * @return what was read, sent and rejected
   * @throws IOException if the sort cannot spill to disk
   * @throws InterruptedException if interrupted while pacing; what was sent stays sent
   * @throws io.stormwatch.traffic.publish.PublishException if the cluster refused a record
   */
  public ReplayReport replay(List<Path> files, RawTopicPublisher publisher)
      throws IOException, InterruptedException {
    return replay(files, publisher, () -> {});
  }

  /**
   * As {@link #replay(List, RawTopicPublisher)}, running {@code betweenSteps} after each lockstep
   * step has been flushed: a caller can hold the replay back there until its consumer catches up.
   */
  public ReplayReport replay(List<Path> files, RawTopicPublisher publisher, Runnable betweenSteps)
      throws IOException, InterruptedException {
    WallClock clock = settings.clock();
    ReplayTally tally = new ReplayTally();
    Instant readTime = clock.now();
    long started = clock.nanoTime();
    try (EventTimeSorter sorter =
        new EventTimeSorter(settings.sortMemoryBytes(), settings.spillDirectory())) {
      progress.read(0);
      readAll(files, readTime.toEpochMilli(), sorter, tally);
      progress.read(sorter.count());
      long readingDone = clock.nanoTime();

      progress.sendingStarts(sorter.count());
      sendAll(sorter.sorted(), publisher, betweenSteps, tally, readTime.toEpochMilli());
      publisher.flush();
      progress.sent(sorter.count());
      long sendingDone = clock.nanoTime();
      return tally.report(
          sorter.spilledRuns(),
          Duration.ofNanos(readingDone - started),
          Duration.ofNanos(sendingDone - readingDone));
    }
  }

  private void readAll(List<Path> files, long readTime, EventTimeSorter sorter, ReplayTally tally)
      throws IOException {
    long sequence = 0;
    for (Path file : files) {
      AuditFileReader reader;
      try {
        reader = AuditFileReader.open(file, settings.fileLimits());
      } catch (IOException unopenable) {
        // A file that cannot be read is reported, and the other files replayed.
        tally.file(file, null, 0, 0, describe(unopenable));
        continue;
      }
      long records = 0;
      long unreadableRecords = 0;
      String problem = null;
      try (reader) {
        while (true) {
          RawRecord record;
          try {
            if (!reader.hasNext()) {
              break;
            }
            record = reader.next();
          } catch (UncheckedIOException damaged) {
            problem = "stopped after " + records + " records: " + describe(damaged.getCause());
            break;
          }
          records++;
          if (record.kind() == RawKind.UNKNOWN) {
            unreadableRecords++;
          }
          tally.read(reader.format(), record.kind());
          if (!settings.range().contains(record.eventTime())) {
            tally.outsideRange();
            continue;
          }
          sorter.add(replayRecord(record, readTime, sequence++));
          if (sequence % PROGRESS_EVERY == 0) {
            progress.read(sorter.count());
          }
        }
        tally.file(file, reader.format(), records, unreadableRecords, problem);
      }
    }
  }

  private static String describe(IOException problem) {
    return Objects.requireNonNullElse(problem.getMessage(), problem.getClass().getSimpleName());
  }

  private void sendAll(
      Iterator<ReplayRecord> records,
      RawTopicPublisher publisher,
      Runnable betweenSteps,
      ReplayTally tally,
      long readTime)
      throws InterruptedException {
    Pacer pacer = new Pacer(settings.speed(), settings.clock(), publisher::flush);
    EventTimeLockstep<ReplayRecord> lockstep =
        new EventTimeLockstep<>(
            record ->
                publisher.send(
                    rawTopicOf(record.kind()),
                    record.tenantId(),
                    Instant.ofEpochMilli(record.timestamp()),
                    record.json()),
            () -> {
              publisher.flush();
              betweenSteps.run();
            },
            record -> Instant.ofEpochMilli(record.timestamp()),
            settings.lockstepStep());
    long done = 0;
    while (records.hasNext()) {
      ReplayRecord record = records.next();
      Rejection rejection = rejectionOf(record);
      if (rejection != null) {
        long timestamp = kafkaCanCarry(record.timestamp()) ? record.timestamp() : readTime;
        publisher.sendRejected(
            settings.deadLetterTopic(),
            new RejectedRecord(
                record.tenantId(),
                Instant.ofEpochMilli(timestamp),
                record.json(),
                rejection.errorType(),
                rejection.reason(),
                record.origin()));
        tally.rejected(record, rejection);
      } else {
        if (record.timed()) {
          pacer.awaitDue(record.timestamp());
        }
        lockstep.accept(record);
        tally.sent(record);
      }
      if (++done % PROGRESS_EVERY == 0) {
        progress.sent(done);
      }
    }
  }

  private Rejection rejectionOf(ReplayRecord record) {
    if (record.refusal() != null) {
      return record.refusal();
    }
    if (record.kind() == RawKind.UNKNOWN) {
      return unreadable.classify(record.json());
    }
    if (record.timestamp() < 0) {
      return new Rejection(
          RejectionType.BAD_TIME.code(),
          "event time "
              + describe(record.timestamp())
              + " is before 1970, which a Kafka timestamp cannot carry");
    }
    if (record.timestamp() > latestAcceptedTimestamp()) {
      return new Rejection(
          RejectionType.BAD_TIME.code(),
          "event time "
              + describe(record.timestamp())
              + " is more than "
              + settings.futureTolerance()
              + " ahead of the clock, which the broker refuses (message.timestamp.after.max.ms)");
    }
    return null;
  }

  private boolean kafkaCanCarry(long timestamp) {
    return timestamp >= 0 && timestamp <= latestAcceptedTimestamp();
  }

  private long latestAcceptedTimestamp() {
    long now = settings.clock().now().toEpochMilli();
    long ahead = settings.futureTolerance().minus(FUTURE_MARGIN).toMillis();
    // A topic may accept any timestamp (message.timestamp.after.max.ms = Long.MAX_VALUE).
    return ahead > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + ahead;
  }

  private static String describe(long timestamp) {
    return timestamp == Long.MIN_VALUE || timestamp == Long.MAX_VALUE
        ? "(out of range)"
        : Instant.ofEpochMilli(timestamp).toString();
  }

  private static ReplayRecord replayRecord(RawRecord record, long readTime, long sequence) {
    Instant eventTime = record.eventTime();
    long timestamp = readTime;
    if (eventTime != null) {
      try {
        timestamp = eventTime.toEpochMilli();
      } catch (ArithmeticException farOutOfRange) {
        timestamp = eventTime.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
    }
    RawRecord.Refusal refusal = record.refusal();
    return new ReplayRecord(
        record.kind(),
        record.tenantId(),
        timestamp,
        eventTime != null,
        record.json(),
        record.origin(),
        sequence,
        refusal == null ? null : new Rejection(refusal.type().code(), refusal.reason()));
  }

  private static RawTopic rawTopicOf(RawKind kind) {
    return switch (kind) {
      case UNIFIED_AUDIT_LOG -> RawTopic.UAL;
      case ENTRA_SIGN_IN -> RawTopic.SIGN_IN;
      case UNKNOWN -> throw new IllegalArgumentException("unreadable records have no raw topic");
    };
  }
}
