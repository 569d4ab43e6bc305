package io.stormwatch.cli.backtest;

import io.stormwatch.cli.replay.ReplaySummaryPrinter;
import io.stormwatch.formats.files.RawKind;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.traffic.replay.ReplayReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints a {@link BacktestResult} for people: records accounted for, dead letters, alerts. */
final class BacktestSummaryPrinter {

  private static final int TOP_REASONS = 8;
  private static final int TOP_FILES = 5;

  private final PrintWriter out;

  BacktestSummaryPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(BacktestResult result, Path alertsFile) {
    ReplayReport replay = result.replay();
    DeadLetterTally deadLetters = result.deadLetters();
    out.println();
    out.println("Records");
    row("files", "%,d%s", replay.files().size(), unreadable(replay));
    row("read", "%,d  (%s)", replay.read(), ReplaySummaryPrinter.kinds(replay.readByKind()));
    row("  by layout", "%s", ReplaySummaryPrinter.layouts(replay.readByFormat()));
    if (replay.outsideRange() > 0) {
      row("outside --from/--to", "%,d", replay.outsideRange());
    }
    row(
        "rejected by replay",
        "%,d  (unreadable, untimeable or beyond a limit, to the dead-letter topic)%s",
        replay.rejectedCount(),
        unreadableFiles(replay));
    row(
        "sent",
        "%,d  (UAL %,d, sign-ins %,d)%s",
        replay.sent(),
        replay.sentByKind().getOrDefault(RawKind.UNIFIED_AUDIT_LOG, 0L),
        replay.sentByKind().getOrDefault(RawKind.ENTRA_SIGN_IN, 0L),
        replay.firstEventTime() == null
            ? ""
            : "  event time " + replay.firstEventTime() + " .. " + replay.lastEventTime());
    row("normalised", "%,d  (late %,d)", result.normalised(), result.late());
    row("rejected by normaliser", "%,d", deadLetters.fromRawTopics());
    row("duplicates dropped", "%,d  (a record id seen before)", result.duplicates());
    if (deadLetters.fromOtherTopics() > 0) {
      row("dead-lettered later", "%,d  (after normalisation)", deadLetters.fromOtherTopics());
    }
    row(
        "accounted for",
        "%s: read %,d = %s%,d normalised + %,d dead-lettered + %,d duplicates",
        result.accountedFor() ? "yes" : "NO",
        replay.read(),
        replay.outsideRange() > 0
            ? String.format(Locale.ROOT, "%,d outside range + ", replay.outsideRange())
            : "",
        result.normalised(),
        deadLetters.fromReplay() + deadLetters.fromRawTopics(),
        result.duplicates());

    out.println();
    out.printf(Locale.ROOT, "Dead letters  %,d%n", deadLetters.total());
    deadLetters.byType().stream()
        .limit(TOP_REASONS)
        .forEach(
            type ->
                out.printf(
                    Locale.ROOT,
                    "  %-20s %,8d  %s%s%n",
                    type.errorType(),
                    type.count(),
                    type.topReason(),
                    type.topReasonCount() < type.count()
                        ? String.format(Locale.ROOT, " (%,d of them)", type.topReasonCount())
                        : ""));

    out.println();
    out.printf(
        Locale.ROOT,
        "Alerts  %,d (%,d revisions) written to %s%n",
        result.alerts().size(),
        result.revisions(),
        alertsFile);
    row("by rule", "%s", ReplaySummaryPrinter.counts(countBy(result, Alert::getRuleId)));
    row(
        "by severity",
        "%s",
        ReplaySummaryPrinter.counts(countBy(result, a -> a.getSeverity().name())));

    out.println();
    out.printf(
        Locale.ROOT,
        "Took  broker %s, reading and sorting %s, sending %s (%,.0f rec/s), detector start %s,"
            + " processing %s (%,.0f rec/s)%n",
        seconds(result.brokerStartup()),
        seconds(replay.reading()),
        seconds(replay.sending()),
        replay.sendRate(),
        seconds(result.detectorStartup()),
        seconds(result.processing()),
        result.processingRate());
    for (ReplayReport.FileReport file : replay.unreadableFiles()) {
      out.printf(Locale.ROOT, "UNREADABLE FILE %s: %s%n", file.path(), file.problem());
    }
    out.flush();
  }

  private static String unreadable(ReplayReport replay) {
    int count = replay.unreadableFiles().size();
    return count == 0
        ? ""
        : String.format(Locale.ROOT, "  (%d could not be read to the end)", count);
  }

  /** The files that held unreadable records, most first: usually not recordings at all. */
  private static String unreadableFiles(ReplayReport replay) {
    List<ReplayReport.FileReport> files =
        replay.files().stream()
            .filter(f -> f.unreadable() > 0)
            .sorted(Comparator.comparingLong(ReplayReport.FileReport::unreadable).reversed())
            .toList();
    if (files.isEmpty()) {
      return "";
    }
    String listed =
        files.stream()
            .limit(TOP_FILES)
            .map(f -> f.path().getFileName() + String.format(Locale.ROOT, " %,d", f.unreadable()))
            .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "%n%27s", "")
        + "unreadable in "
        + listed
        + (files.size() > TOP_FILES ? ", ..." : "");
  }

  private static Map<String, Long> countBy(BacktestResult result, Function<Alert, String> key) {
    return result.alerts().stream()
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private void row(String label, String format, Object... args) {
    out.printf(Locale.ROOT, "  %-24s %s%n", label, String.format(Locale.ROOT, format, args));
  }
}
