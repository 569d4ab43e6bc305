package io.stormwatch.cli.fuzz;

import io.stormwatch.traffic.replay.ReplayReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a {@link FuzzResult} for people: the totals, then one row per class of hostile input. */
final class FuzzReportPrinter {

  private static final int REASONS_SHOWN = 3;

  private final PrintWriter out;

  FuzzReportPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(FuzzResult result) {
    out.println();
    out.println("Records");
    row("read", "%,d", result.read());
    row("normalised", "%,d  (late %,d)", result.normalised(), result.late());
    row("dead-lettered", "%,d", result.deadLettered());
    row("duplicates", "%,d  (re-deliveries the generator made, dropped)", result.duplicates());
    row(
        "accounted for",
        "%s: read %,d = %,d normalised + %,d dead-lettered + %,d duplicates%s",
        result.accountedFor() ? "yes" : "NO",
        result.read(),
        result.normalised(),
        result.deadLettered(),
        result.duplicates(),
        result.classes().stream().allMatch(FuzzResult.ClassTally::accountedFor)
            ? ", in every class"
            : ", NOT in every class");
    row(
        "crashes",
        "%d  (stream-thread failures; detector %s at the end)",
        result.crashes(),
        result.detectorState());
    row(
        "caught by Kafka Streams",
        "%,d  (records its exception handlers dead-lettered: the detector's code threw)",
        result.streamsDeadLetters());
    if (result.unattributedEvents() + result.unattributedDeadLetters() > 0) {
      row(
          "UNATTRIBUTED",
          "%,d events, %,d dead letters traced to no generated record",
          result.unattributedEvents(),
          result.unattributedDeadLetters());
    }
    row(
        "alerts",
        "%,d incidents  (%s)",
        result.alertsByRule().values().stream().mapToLong(Long::longValue).sum(),
        result.alertsByRule().isEmpty() ? "none" : reasons(result.alertsByRule()));
    if (result.failure() != null) {
      row("STOPPED", "%s", result.failure());
    }

    out.println();
    out.printf(
        Locale.ROOT,
        "  %-16s %8s %9s %10s %9s %6s  %s%n",
        "class",
        "messages",
        "records",
        "normalised",
        "dead-lett",
        "dups",
        "dead letters by reason");
    for (FuzzResult.ClassTally tally : result.classes()) {
      out.printf(
          Locale.ROOT,
          "  %-16s %,8d %,9d %,10d %,9d %,6d  %s%s%n",
          tally.hostileClass().code(),
          tally.messages(),
          tally.records(),
          tally.normalised(),
          tally.deadLettered(),
          tally.duplicates(),
          reasons(tally.deadLettersByType()),
          tally.accountedFor() ? "" : "  NOT ACCOUNTED FOR");
    }
    for (ReplayReport.FileReport file : result.replay().unreadableFiles()) {
      out.printf(
          Locale.ROOT,
          "  replay stopped reading %s: %s%n",
          file.path().getFileName(),
          file.problem());
    }

    out.println();
    out.printf(
        Locale.ROOT,
        "Took  broker start, publishing and replay %s, processing %s (%,.0f msg/s); peak heap %,d MiB of %,d MiB"
            + " (broker, detector and generator in this JVM)%n",
        seconds(result.publishing()),
        seconds(result.processing()),
        result.processing().toNanos() > 0
            ? result.read() / (result.processing().toNanos() / 1e9)
            : 0.0,
        result.peakHeapBytes() >> 20,
        result.maxHeapBytes() >> 20);
    out.flush();
  }

  private static String reasons(Map<String, Long> byType) {
    if (byType.isEmpty()) {
      return "-";
    }
    String shown =
        byType.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(REASONS_SHOWN)
            .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", "));
    return byType.size() > REASONS_SHOWN ? shown + ", ..." : shown;
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private void row(String label, String format, Object... args) {
    out.printf(Locale.ROOT, "  %-24s %s%n", label, String.format(Locale.ROOT, format, args));
  }
}
