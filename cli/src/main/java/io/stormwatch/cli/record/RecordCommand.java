package io.stormwatch.cli.record;

import io.stormwatch.cli.console.ProgressBar;
import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.cli.options.EventTimeRangeOptions;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.traffic.record.RawTopicRecorder;
import io.stormwatch.traffic.record.RecordingReport;
import io.stormwatch.traffic.record.RecordingWriter;
import io.stormwatch.traffic.replay.EventTimeRange;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stormwatch record}: the raw topics of a cluster, or a time range of them, to a file. */
@Command(
    name = "record",
    description = {
      "Captures the raw topics, or an event-time range of them, into a recording.",
      "",
      "Writes what the raw topics hold when it starts (committed records only) as JSON lines, one"
          + " record per line, gzip-compressed when FILE ends in .gz; 'stormwatch replay' and"
          + " 'stormwatch backtest' read it back. A record on one line is written byte for byte, so"
          + " a replay puts the same bytes on the raw topic. A message holding several records (a"
          + " content blob, an Event Hub envelope) is written one record per line, each with its"
          + " own bytes; a pretty-printed record loses its line breaks.",
      "",
      "Exit status: 0 done; 1 failure; 2 usage error.",
      "",
    },
    mixinStandardHelpOptions = true)
public final class RecordCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The recording to write (replaced if it exists); .gz compresses it.")
  Path out;

  @Mixin EventTimeRangeOptions range;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    StormwatchConfig config = cluster.config();
    EventTimeRange times = range.range();
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new ParameterException(spec.commandLine(), "no such directory: " + parent);
    }
    List<String> topics = List.of(config.topics().ualRaw(), config.topics().signInRaw());
    console.printf(
        Locale.ROOT,
        "Recording %s from %s (%s) to %s%n",
        String.join(" and ", topics),
        config.bootstrapServers(),
        times,
        out);
    console.flush();

    RawTopicRecorder recorder =
        new RawTopicRecorder(
            config.bootstrapServers(), ClusterOptions.clientConfig(config), topics, times);
    AtomicReference<ProgressBar> bar = new AtomicReference<>();
    RecordingReport report;
    try (RecordingWriter writer = RecordingWriter.create(out)) {
      report =
          recorder.record(
              writer,
              total -> bar.set(ProgressBar.onStderr("recording", total, "msg")),
              read -> bar.get().update(read));
    }
    bar.get().finish();
    print(console, report);
    return 0;
  }

  private void print(PrintWriter console, RecordingReport report) throws Exception {
    row(console, "messages", "%,d  (%s)", report.messages(), byTopic(report));
    if (report.outsideRange() > 0) {
      row(console, "outside --from/--to", "%,d (not recorded)", report.outsideRange());
    }
    row(
        console,
        "records written",
        "%,d to %s (%,d bytes) in %.1f s",
        report.records(),
        out,
        Files.size(out),
        report.took().toMillis() / 1000.0);
    row(console, "  byte for byte", "%,d messages", report.asIs());
    if (report.split() > 0) {
      row(console, "  split", "%,d messages holding several records, one per line", report.split());
    }
    if (report.joined() > 0) {
      row(
          console,
          "  joined",
          "%,d multi-line messages written on one line (same JSON, other bytes)",
          report.joined());
    }
    if (report.empty() > 0) {
      row(console, "  empty", "%,d empty messages, no record to write", report.empty());
    }
    console.flush();
  }

  private static String byTopic(RecordingReport report) {
    StringBuilder text = new StringBuilder();
    report
        .messagesByTopic()
        .forEach(
            (topic, count) ->
                text.append(text.length() == 0 ? "" : ", ")
                    .append(topic)
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%,d", count)));
    return text.toString();
  }

  private static void row(PrintWriter out, String label, String format, Object... args) {
    out.printf(Locale.ROOT, "  %-20s %s%n", label, String.format(Locale.ROOT, format, args));
  }
}
