package io.stormwatch.cli.fuzz;

import io.stormwatch.cli.backtest.BacktestCommand;
import io.stormwatch.cli.console.ProgressBar;
import io.stormwatch.cli.options.DetectorSettingOptions;
import io.stormwatch.cli.replay.ReplayProgressBars;
import io.stormwatch.ipintel.IpIntelligence;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stormwatch fuzz}: hostile input at scale through the real pipeline, accounted for. */
@Command(
    name = "fuzz",
    description = {
      "Throws hostile input at the real pipeline and checks that every record is accounted for.",
      "",
      "Starts a real single-node Kafka broker (KRaft) and the detector inside this process."
          + " Generates --records hostile raw records (deterministic for a --seed) from valid"
          + " simulated ones: truncated JSON, nesting 50,000 deep, 10 MB values, wrong types,"
          + " invalid UTF-8, NUL bytes, event times in 1970 and 2999, odd IPv6 addresses, content"
          + " blobs with huge arrays, random bytes, and exact duplicates, each labelled with its"
          + " class; sends them to the raw topics as a connector would (the raw topics accept any"
          + " timestamp for the run), replays a file with a line of a gigabyte and a gzip bomb,"
          + " then lets the detector process everything and finds every record on the normalised"
          + " or the dead-letter topic.",
      "",
      "Prints records read, normalised, dead-lettered (by reason) and dropped as duplicates, in"
          + " total and per class; crashes (stream-thread failures); whether every record is"
          + " accounted for; peak heap; time. Cleans up everything it started.",
      "",
      "Exit status: 0 no crash and every record accounted for; 1 otherwise; 2 usage error.",
      "",
    },
    mixinStandardHelpOptions = true)
public final class FuzzCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--records",
      paramLabel = "N",
      defaultValue = "100000",
      description = "Hostile records to generate (default: ${DEFAULT-VALUE}).")
  long records;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--hostile-file-mib",
      paramLabel = "MIB",
      defaultValue = "1024",
      description =
          "Length of the replayed line without its end, and how far the gzip bomb expands, in"
              + " MiB (default: ${DEFAULT-VALUE}; both files take almost no disk).")
  long hostileFileMib;

  @Option(
      names = "--drain-timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      converter = BacktestCommand.DurationConverter.class,
      description =
          "How long the detector may take to process everything, e.g. 90s, 30m (default:"
              + " ${DEFAULT-VALUE}).")
  Duration drainTimeout;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @Mixin DetectorSettingOptions setOptions;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    FuzzSettings settings;
    try {
      settings = new FuzzSettings(seed, records, hostileFileMib << 20, drainTimeout);
    } catch (IllegalArgumentException bad) {
      throw new ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
    var detectorSettings = setOptions.checkedUnder(Fuzz.APPLICATION_ID);
    console.printf(
        Locale.ROOT,
        "Stormwatch fuzz: %,d hostile records, seed %d, a %,d MiB line and gzip bomb replayed%n",
        records,
        seed,
        hostileFileMib);
    console.flush();
    FuzzResult result;
    try (ProgressDisplay display = new ProgressDisplay(quiet)) {
      result = new Fuzz(detectorSettings, settings).run(IpIntelligence.loadBundled(), display);
    }
    new FuzzReportPrinter(console).print(result);
    return result.passed() ? 0 : 1;
  }

  /** Progress bars on standard error, unless quiet. */
  private static final class ProgressDisplay implements FuzzListener, AutoCloseable {
    private final boolean quiet;
    private final ReplayProgressBars replay = new ReplayProgressBars();
    private ProgressBar publishing;
    private ProgressBar processing;

    ProgressDisplay(boolean quiet) {
      this.quiet = quiet;
    }

    @Override
    public void published(long sent, long total) {
      if (quiet) {
        return;
      }
      if (publishing == null) {
        publishing = ProgressBar.onStderr("publishing", total, "rec");
      }
      publishing.update(sent);
    }

    @Override
    public void read(long records) {
      if (!quiet) {
        finishPublishing();
        replay.read(records);
      }
    }

    @Override
    public void sendingStarts(long total) {
      if (!quiet) {
        replay.sendingStarts(total);
      }
    }

    @Override
    public void sent(long records) {
      if (!quiet) {
        replay.sent(records);
      }
    }

    @Override
    public void processingStarts(long messages) {
      if (!quiet) {
        replay.finish();
        processing = ProgressBar.onStderr("processing", messages, "msg");
      }
    }

    @Override
    public void processed(long messages) {
      if (processing != null) {
        processing.update(messages);
      }
    }

    private void finishPublishing() {
      if (publishing != null) {
        publishing.finish();
        publishing = null;
      }
    }

    @Override
    public void close() {
      finishPublishing();
      if (processing != null) {
        processing.finish();
      }
    }
  }
}
