package io.stormwatch.traffic.replay;

import io.stormwatch.formats.files.FileFormat;
import io.stormwatch.formats.files.RawKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts what a replay reads, leaves out, sends and rejects, for its {@link ReplayReport}. */
final class ReplayTally {
  private final List<ReplayReport.FileReport> files = new ArrayList<>();
  private final Map<FileFormat, Long> readByFormat = new EnumMap<>(FileFormat.class);
  private final Map<RawKind, Long> readByKind = new EnumMap<>(RawKind.class);
  private final Map<RawKind, Long> sentByKind = new EnumMap<>(RawKind.class);
  private final Map<String, ReplayReport.RejectionCount> rejected = new LinkedHashMap<>();
  private long outsideRange;
  private long withoutEventTime;
  private long firstEventTime = Long.MAX_VALUE;
  private long lastEventTime = Long.MIN_VALUE;

  void file(Path path, FileFormat format, long records, long unreadable, String problem) {
    files.add(new ReplayReport.FileReport(path, format, records, unreadable, problem));
  }

  void read(FileFormat format, RawKind kind) {
    readByFormat.merge(format, 1L, Long::sum);
    readByKind.merge(kind, 1L, Long::sum);
  }

  void outsideRange() {
    outsideRange++;
  }

  void sent(ReplayRecord record) {
    sentByKind.merge(record.kind(), 1L, Long::sum);
    if (record.timed()) {
      firstEventTime = Math.min(firstEventTime, record.timestamp());
      lastEventTime = Math.max(lastEventTime, record.timestamp());
    } else {
      withoutEventTime++;
    }
  }

  void rejected(ReplayRecord record, Rejection rejection) {
    rejected.merge(
        rejection.errorType(),
        new ReplayReport.RejectionCount(
            rejection.errorType(), 1, rejection.reason(), record.origin()),
        (first, next) ->
            new ReplayReport.RejectionCount(
                first.errorType(),
                first.count() + 1,
                first.exampleReason(),
                first.exampleOrigin()));
  }

  ReplayReport report(int spilledRuns, Duration reading, Duration sending) {
    List<ReplayReport.RejectionCount> byCount = new ArrayList<>(rejected.values());
    byCount.sort(
        Comparator.comparingLong(ReplayReport.RejectionCount::count)
            .reversed()
            .thenComparing(ReplayReport.RejectionCount::errorType));
    return new ReplayReport(
        files,
        readByFormat,
        readByKind,
        outsideRange,
        sentByKind,
        byCount,
        withoutEventTime,
        firstEventTime == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstEventTime),
        lastEventTime == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastEventTime),
        spilledRuns,
        reading,
        sending);
  }
}
