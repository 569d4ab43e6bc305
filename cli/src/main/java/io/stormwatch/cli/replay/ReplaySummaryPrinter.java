package io.stormwatch.cli.replay;

import io.stormwatch.detector.config.TopicNames;
import io.stormwatch.formats.files.FileFormat;
import io.stormwatch.formats.files.RawKind;
import io.stormwatch.traffic.replay.ReplayReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints a {@link ReplayReport} for people: where every record went, by layout and by log. */
public final class ReplaySummaryPrinter {

  private final PrintWriter out;

  public ReplaySummaryPrinter(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints the record accounting.
   *
   * @param topics where records were sent
   */
  public void print(ReplayReport report, TopicNames topics) {
    row("files", "%,d", report.files().size());
    row("records read", "%,d", report.read());
    row("  by layout", "%s", layouts(report.readByFormat()));
    row("  by log", "%s", kinds(report.readByKind()));
    if (report.outsideRange() > 0) {
      row("outside --from/--to", "%,d (not sent)", report.outsideRange());
    }
    row(
        "sent",
        "%,d  (%s %,d, %s %,d)%s",
        report.sent(),
        topics.ualRaw(),
        report.sentByKind().getOrDefault(RawKind.UNIFIED_AUDIT_LOG, 0L),
        topics.signInRaw(),
        report.sentByKind().getOrDefault(RawKind.ENTRA_SIGN_IN, 0L),
        eventTimes(report.firstEventTime(), report.lastEventTime()));
    row(
        "rejected",
        "%,d  -> %s, with the reason in headers",
        report.rejectedCount(),
        topics.deadLetters());
    for (ReplayReport.RejectionCount rejection : report.rejected()) {
      out.printf(
          Locale.ROOT,
          "    %-20s %,8d  e.g. %s: %s%n",
          rejection.errorType(),
          rejection.count(),
          rejection.exampleOrigin(),
          rejection.exampleReason());
    }
    if (report.withoutEventTime() > 0) {
      row(
          "without event time",
          "%,d  (sent last, stamped with the replay's start time)",
          report.withoutEventTime());
    }
    row(
        "took",
        "%s reading and sorting%s, %s sending (%,.0f rec/s)",
        seconds(report.reading()),
        report.spilledRuns() > 0 ? " (" + report.spilledRuns() + " runs spilled to disk)" : "",
        seconds(report.sending()),
        report.sendRate());
    for (ReplayReport.FileReport file : report.unreadableFiles()) {
      out.printf(Locale.ROOT, "  UNREADABLE FILE %s: %s%n", file.path(), file.problem());
    }
    out.flush();
  }

  /**
   * Warns when a raw topic will delete records of this replay because their event time is older
   * than its retention: brokers apply retention to record timestamps, not to arrival.
   */
  public void warnAboutRetention(ReplayReport report, Map<String, Duration> retentionByTopic) {
    Instant oldest = report.firstEventTime();
    if (oldest == null) {
      return;
    }
    Duration age = Duration.between(oldest, Instant.now());
    Map<Duration, List<String>> tooShort = new TreeMap<>();
    retentionByTopic.forEach(
        (topic, retention) -> {
          if (retention != null && age.compareTo(retention) > 0) {
            tooShort.computeIfAbsent(retention, r -> new ArrayList<>()).add(topic);
          }
        });
    tooShort.forEach(
        (retention, topics) ->
            out.printf(
                Locale.ROOT,
                "WARNING: %s keep%s records for %d days by their timestamp; records from %s are"
                    + " older, and the broker will delete them. Replay history into topics created"
                    + " with a longer retention (--set topic.retention=36500d when they do not"
                    + " exist yet).%n",
                String.join(" and ", topics),
                topics.size() == 1 ? "s" : "",
                retention.toDays(),
                oldest));
    out.flush();
  }

  /** Counts per file layout, e.g. {@code "JSON lines 12, Purview CSV 219"}. */
  public static String layouts(Map<FileFormat, Long> byFormat) {
    return joined(byFormat, Arrays.asList(FileFormat.values()), ReplaySummaryPrinter::layoutName);
  }

  /** Counts per log, e.g. {@code "UAL 900, sign-ins 300, unreadable 2"}. */
  public static String kinds(Map<RawKind, Long> byKind) {
    return joined(byKind, Arrays.asList(RawKind.values()), ReplaySummaryPrinter::kindName);
  }

  private static <K> String joined(
      Map<K, Long> counts, Iterable<K> order, java.util.function.Function<K, String> name) {
    StringBuilder text = new StringBuilder();
    for (K key : order) {
      Long count = counts.get(key);
      if (count != null && count > 0) {
        text.append(text.length() == 0 ? "" : ", ")
            .append(name.apply(key))
            .append(' ')
            .append(String.format(Locale.ROOT, "%,d", count));
      }
    }
    return text.length() == 0 ? "none" : text.toString();
  }

  private static String layoutName(FileFormat format) {
    return switch (format) {
      case JSON_LINES -> "JSON lines";
      case JSON_VALUES -> "JSON values";
      case JSON_ARRAY -> "JSON arrays (content blobs, Log Analytics)";
      case JSON_ENVELOPE -> "envelopes (Event Hub, Graph)";
      case PURVIEW_CSV -> "Purview CSV";
      case EMPTY -> "empty";
    };
  }

  private static String kindName(RawKind kind) {
    return switch (kind) {
      case UNIFIED_AUDIT_LOG -> "UAL";
      case ENTRA_SIGN_IN -> "sign-ins";
      case UNKNOWN -> "unreadable";
    };
  }

  private static String eventTimes(Instant first, Instant last) {
    return first == null
        ? ""
        : "  event time " + Objects.toString(first) + " .. " + Objects.toString(last);
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private void row(String label, String format, Object... args) {
    out.printf(Locale.ROOT, "  %-22s %s%n", label, String.format(Locale.ROOT, format, args));
  }

  /** Joins counts for a one-line summary, e.g. {@code "HIGH 2, MEDIUM 1"}. */
  public static String counts(Map<String, Long> counts) {
    return counts.isEmpty()
        ? "none"
        : counts.entrySet().stream()
            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
            .collect(Collectors.joining(", "));
  }
}
