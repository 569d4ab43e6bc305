package io.stormwatch.bench.report;

import io.stormwatch.bench.latency.BacklogSampler;
import io.stormwatch.bench.latency.GcPauses;
import io.stormwatch.bench.latency.LatencyFigures;
import io.stormwatch.bench.latency.LatencySummary;
import io.stormwatch.bench.latency.RuleLatency;
import io.stormwatch.bench.memory.MemoryFigures;
import io.stormwatch.bench.throughput.ThroughputFigures;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Formats a {@link BenchReport} as a plain-text table for people (ASCII only, for any terminal).
 */
public final class ReportTable {

  private static final double MIB = 1024.0 * 1024.0;
  private static final double GIB = MIB * 1024.0;

  private ReportTable() {}

  public static String format(BenchReport report) {
    StringBuilder out = new StringBuilder();
    header(out, report);
    out.append('\n');
    throughput(out, report);
    out.append('\n');
    latency(out, report.latency(), report.stormwatch());
    out.append('\n');
    memory(out, report.memory(), report.input().accounts());
    out.append('\n');
    line(out, "total run time %s", clock(report.totalSeconds()));
    return out.toString();
  }

  private static void header(StringBuilder out, BenchReport report) {
    MachineInfo m = report.machine();
    InputFigures in = report.input();
    line(out, "Stormwatch benchmark, started %s", report.startedAt());
    line(
        out,
        "machine   %d cores (%s), %s RAM; %s",
        m.cores(),
        m.cpuModel(),
        m.memoryBytes() > 0 ? gib(m.memoryBytes()) : "unknown",
        m.os());
    line(
        out,
        "          %s; heap %s at start, %s max (%s)",
        m.jvm(),
        gib(m.initialHeapBytes()),
        gib(m.maxHeapBytes()),
        m.garbageCollectors());
    line(
        out,
        "          Kafka %s: one embedded KRaft broker, the clients and Kafka Streams in this JVM",
        m.kafkaVersion());
    if (!report.pipelineSettings().isEmpty()) {
      line(
          out,
          "settings  %s (on top of the detector's defaults)",
          new TreeMap<>(report.pipelineSettings())
              .toString()
              .replaceAll("^\\{|\\}$", "")
              .replace(", ", " "));
    }
    line(
        out,
        "load avg  %.2f at start, %.2f at end (1 min; other work on the machine shows here)",
        report.loadAverageAtStart(),
        report.loadAverageAtEnd());
    line(
        out,
        "input     %,d raw records (%,d UAL, %,d sign-in), %,.0f MiB of JSON",
        in.loaded().records(),
        in.loaded().ualRecords(),
        in.loaded().signInRecords(),
        in.loaded().jsonBytes() / MIB);
    line(
        out,
        "          %,d accounts in %,d tenants, %s of simulated activity, %,d attacks placed",
        in.accounts(),
        in.tenants(),
        minutes(in.simulatedMinutes()),
        in.attacksPlaced());
    line(
        out,
        "          %d partitions per topic, %d stream thread%s; generated and loaded in %.1f s",
        in.partitions(),
        in.streamThreads(),
        in.streamThreads() == 1 ? "" : "s",
        in.loaded().seconds());
  }

  private static void throughput(StringBuilder out, BenchReport report) {
    line(
        out,
        "throughput, each phase over the same %,d records, exactly_once_v2 for Kafka Streams",
        report.input().loaded().records());
    line(
        out,
        "  %-11s %10s %9s %16s %8s %12s %9s  %s",
        "phase",
        "events/s",
        "seconds",
        "CPU us/rec: all",
        "client",
        "appends/rec",
        "start-up",
        "what it does");
    for (ThroughputFigures phase :
        List.of(report.rawRead(), report.floor(), report.stormwatch(), report.alertsOnly())) {
      line(
          out,
          "  %-11s %,10.0f %9.1f %16.1f %8.1f %12.2f %9s  %s",
          phase.phase(),
          phase.eventsPerSecond(),
          phase.seconds(),
          phase.cpuMicrosPerRecord(),
          phase.clientCpuMicrosPerRecord(),
          phase.appendsPerRecord(),
          phase.startupSeconds() > 0
              ? String.format(Locale.ROOT, "%.1f s", phase.startupSeconds())
              : "-",
          phase.description());
    }
    line(
        out,
        "  (CPU: all = the whole process, broker, JIT and GC included; client = the phase's own"
            + " Kafka client threads;");
    line(
        out,
        "  appends = records written to Kafka per record read: outputs, changelogs, repartitions,"
            + " transaction markers)");
    for (ThroughputFigures phase :
        List.of(report.floor(), report.stormwatch(), report.alertsOnly())) {
      appendsByTopic(out, phase);
    }
    double toFloor = report.stormwatchToFloor();
    line(
        out,
        "  stormwatch / floor  %5.2fx   target >= %.1fx: %s",
        toFloor,
        BenchReport.TARGET_STORMWATCH_TO_FLOOR,
        toFloor >= BenchReport.TARGET_STORMWATCH_TO_FLOOR ? "met" : "NOT MET");
    line(out, "  alerts-only / floor %5.2fx", report.alertsOnlyToFloor());
    line(out, "  stormwatch / raw    %5.2fx", report.stormwatchToRaw());
  }

  /** Where a phase's appends went: one line, the largest first. */
  private static void appendsByTopic(StringBuilder out, ThroughputFigures phase) {
    StringBuilder topics = new StringBuilder();
    phase.appendedByTopic().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                topics
                    .append(topics.length() == 0 ? "" : ", ")
                    .append(e.getKey())
                    .append(' ')
                    .append(
                        String.format(Locale.ROOT, "%.2f", phase.appendsPerRecord(e.getKey()))));
    line(out, "  %s appends/rec by topic: %s", phase.phase(), topics);
  }

  private static void latency(StringBuilder out, LatencyFigures l, ThroughputFigures stormwatch) {
    double share =
        stormwatch.eventsPerSecond() > 0 ? l.offeredPerSecond() / stormwatch.eventsPerSecond() : 0;
    line(
        out,
        "latency at a fixed offered load of %,.0f records/s (%.0f%% of the stormwatch rate) for"
            + " %.0f s, on the running pipeline",
        l.offeredPerSecond(),
        share * 100,
        l.seconds());
    line(
        out,
        "  sent %,d records at %,.0f/s; the pipeline had committed everything %.1f s after the last",
        l.records(),
        l.sentPerSecond(),
        l.catchUpSeconds());
    line(
        out,
        "  %,d alert revisions timed%s",
        l.alertRevisions(),
        l.unmatchedRevisions() > 0
            ? String.format(
                Locale.ROOT,
                "; %,d left out (caused by a record not sent in this phase)",
                l.unmatchedRevisions())
            : "");
    line(
        out,
        "  %-52s %6s %8s %8s %8s %8s",
        "from the causing raw record's append",
        "n",
        "p50",
        "p90",
        "p99",
        "max");
    latencyRow(out, "to the alert's append (LogAppendTime), all rules", l.appendToAppend(), true);
    for (RuleLatency rule : l.byRule()) {
      latencyRow(out, "  " + rule.ruleId(), rule.appendToAppend(), false);
    }
    latencyRow(out, "to readable by a read_committed consumer, all", l.appendToReadable(), false);
    BacklogSampler.Figures backlog = l.backlog();
    line(
        out,
        "  pipeline backlog (raw records not committed yet, every %d ms): median %,d, at most %,d"
            + " (%.1f s of the load) %.1f s into the phase",
        BacklogSampler.INTERVAL.toMillis(),
        backlog.medianRecords(),
        backlog.maxRecords(),
        l.offeredPerSecond() > 0 ? backlog.maxRecords() / l.offeredPerSecond() : 0,
        backlog.maxAtSeconds());
    GcPauses.Figures gc = l.gcPauses();
    line(
        out,
        "  GC pauses during the phase: %,d, %,d ms in total, the longest %,d ms"
            + " (they stop broker, load and pipeline alike: one JVM)",
        gc.pauses(),
        gc.totalMs(),
        gc.longestMs());
  }

  private static void latencyRow(
      StringBuilder out, String label, LatencySummary s, boolean target) {
    String verdict =
        !target
            ? ""
            : String.format(
                Locale.ROOT,
                "  target p99 <= %,d ms: %s",
                BenchReport.TARGET_P99_MS,
                s.count() == 0
                    ? "nothing to time"
                    : s.p99Ms() <= BenchReport.TARGET_P99_MS ? "met" : "NOT MET");
    line(
        out,
        "  %-52s %,6d %5d ms %5d ms %5d ms %5d ms%s",
        label,
        s.count(),
        s.p50Ms(),
        s.p90Ms(),
        s.p99Ms(),
        s.maxMs(),
        verdict);
  }

  private static void memory(StringBuilder out, List<MemoryFigures> memory, int accounts) {
    line(out, "memory (%,d accounts)", accounts);
    line(out, "  %-44s %14s %10s %14s", "when", "heap after GC", "RSS", "state on disk");
    for (MemoryFigures m : memory) {
      line(
          out,
          "  %-44s %10.0f MiB %6s MiB %10s MiB",
          m.when(),
          m.heapAfterGcBytes() / MIB,
          m.rssBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", m.rssBytes() / MIB),
          m.stateStoreBytes() < 0
              ? "n/a"
              : String.format(Locale.ROOT, "%,.0f", m.stateStoreBytes() / MIB));
    }
  }

  static String clock(double seconds) {
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
  }

  static String minutes(long minutes) {
    return minutes < 60
        ? minutes + " min"
        : String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
