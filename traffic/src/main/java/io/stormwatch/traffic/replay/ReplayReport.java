package io.stormwatch.traffic.replay;

import io.stormwatch.formats.files.FileFormat;
import io.stormwatch.formats.files.RawKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a replay did, record by record accounted for: every record read was either outside the
 * event-time range, sent to a raw topic, or rejected to the dead-letter topic with a reason.
 *
 * @param files every file, in reading order, with its layout and what it yielded
 * @param readByFormat records read per file layout
 * @param readByKind records read per log ({@link RawKind#UNKNOWN} for unreadable ones)
 * @param outsideRange records left out by the event-time range (records without an event time when
 *     the range is bounded)
 * @param sentByKind records sent to each raw topic
 * @param rejected records sent to the dead-letter topic instead, per error type, most frequent
 *     first
 * @param withoutEventTime records sent to a raw topic without an event time of their own, stamped
 *     with the time the replay started (the normaliser dead-letters most of them)
 * @param firstEventTime earliest event time sent, or null
 * @param lastEventTime latest event time sent, or null
 * @param spilledRuns sorted runs written to disk (0 when everything fitted in memory)
 * @param reading wall time spent reading and sorting
 * @param sending wall time spent sending
 */
public record ReplayReport(
    List<FileReport> files,
    Map<FileFormat, Long> readByFormat,
    Map<RawKind, Long> readByKind,
    long outsideRange,
    Map<RawKind, Long> sentByKind,
    List<RejectionCount> rejected,
    long withoutEventTime,
    Instant firstEventTime,
    Instant lastEventTime,
    int spilledRuns,
    Duration reading,
    Duration sending) {

  public ReplayReport {
    files = List.copyOf(files);
    readByFormat = Map.copyOf(readByFormat);
    readByKind = Map.copyOf(readByKind);
    sentByKind = Map.copyOf(sentByKind);
    rejected = List.copyOf(rejected);
  }

  /** Records read from all files. */
  public long read() {
    return readByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records sent to the raw topics. */
  public long sent() {
    return sentByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records sent to the dead-letter topic instead of a raw topic. */
  public long rejectedCount() {
    return rejected.stream().mapToLong(RejectionCount::count).sum();
  }

  /** Files that could not be read to their end. */
  public List<FileReport> unreadableFiles() {
    return files.stream().filter(f -> f.problem() != null).toList();
  }

  /** Records sent per second of sending. */
  public double sendRate() {
    double seconds = sending.toNanos() / 1e9;
    return seconds > 0 ? (sent() + rejectedCount()) / seconds : 0;
  }

  /**
   * One file of the replay.
   *
   * @param path the file
   * @param format its detected layout, or null when it could not be opened
   * @param records records read from it
   * @param unreadable of which could not be read as a UAL record or a sign-in
   * @param problem why it could not be read to its end, or null
   */
  public record FileReport(
      Path path, FileFormat format, long records, long unreadable, String problem) {}

  /**
   * Records rejected for one error type.
   *
   * @param errorType the category, e.g. {@code not-json}
   * @param count how many
   * @param exampleReason the reason given for the first of them
   * @param exampleOrigin where the first of them was read
   */
  public record RejectionCount(
      String errorType, long count, String exampleReason, String exampleOrigin) {}
}
