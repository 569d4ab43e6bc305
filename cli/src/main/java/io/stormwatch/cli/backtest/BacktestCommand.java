package io.stormwatch.cli.backtest;

import io.stormwatch.cli.console.ProgressBar;
import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.cli.options.DetectorSettingOptions;
import io.stormwatch.cli.options.EventTimeRangeOptions;
import io.stormwatch.cli.options.SortOptions;
import io.stormwatch.cli.pipeline.EmbeddedPipeline;
import io.stormwatch.cli.replay.ReplayCommand;
import io.stormwatch.cli.replay.ReplayProgressBars;
import io.stormwatch.detector.config.ConfigSources;
import io.stormwatch.detector.config.types.DurationValue;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.traffic.replay.ReplaySettings;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code stormwatch backtest}: a recording through the detections, alerts to a file. */
@Command(
    name = "backtest",
    description = {
      "Runs recordings through the detections and writes the alerts, in one command.",
      "",
      "Starts a real single-node Kafka broker (KRaft) and the detector inside this process,"
          + " replays the files at full speed in event-time order, waits until the detector has"
          + " processed every record (committed offsets), writes the alerts to --out and prints"
          + " where every record went. Topics keep records for "
          + Backtest.RETENTION
          + ", so that old event times survive. Cleans up everything it started.",
      "",
      "The alerts file holds one JSON object per line and one line per alert id: the latest"
          + " revision (its revision field counts the updates), ordered by firstEventTime then"
          + " alertId, with the fields in the order of the Alert schema (alertId, revision, ruleId,"
          + " ruleVersion, severity, confidence, attackTechniques, tenantId, accountId,"
          + " firstEventTime, lastEventTime, summary, evidence, incidentId) and times in ISO-8601"
          + " UTC with"
          + " milliseconds. Backtesting the same recording again writes the same bytes.",
      "",
      "Exit status: 0 done; 1 a file could not be read to its end, or the records do not add up;"
          + " 2 usage error.",
      "",
    },
    mixinStandardHelpOptions = true)
public final class BacktestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Recordings: files, or directories read recursively; any layout, plain or gzip.")
  List<Path> files;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where the alerts are written as JSON lines (replaced if it exists).")
  Path out;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The detector's YAML configuration, e.g. tuned thresholds (its application.id and"
              + " topic.retention give way to the backtest's; STORMWATCH_* detector settings in the"
              + " environment are not read).")
  Path configFile;

  @Mixin DetectorSettingOptions setOptions;

  @Option(
      names = "--drain-timeout",
      paramLabel = "DURATION",
      defaultValue = "1h",
      converter = DurationConverter.class,
      description =
          "How long to wait for the detector to process everything after the replay, e.g. 90s,"
              + " 30m, 2h (default: ${DEFAULT-VALUE}).")
  Duration drainTimeout;

  @Option(
      names = "--summary-json",
      paramLabel = "FILE",
      description = "Also write the figures of the summary as JSON to FILE, for CI checks.")
  Path summaryJson;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @Mixin EventTimeRangeOptions range;

  @Mixin SortOptions sort;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    List<Path> inputs = ReplayCommand.expand(spec, files);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new ParameterException(spec.commandLine(), "no such directory: " + parent);
    }
    Map<String, String> detectorSettings = Backtest.settings(fromFile(), setOptions.given());
    ClusterOptions.validate(spec, detectorSettings);
    ReplaySettings replaySettings =
        ReplaySettings.defaults()
            .withRange(range.range())
            .withSortMemory(sort.sortMemoryBytes(), sort.tempDirectory());
    console.printf(
        Locale.ROOT,
        "Backtesting %d files%s on an embedded broker%n",
        inputs.size(),
        replaySettings.range().isUnbounded() ? "" : ", event times " + replaySettings.range());
    console.flush();

    IpIntelligence ipIntelligence = IpIntelligence.loadBundled();
    ProgressDisplay display = new ProgressDisplay(quiet);
    BacktestResult result;
    try {
      result =
          new Backtest(detectorSettings, replaySettings, drainTimeout)
              .run(inputs, ipIntelligence, display);
    } finally {
      display.close();
    }
    try (OutputStream alerts = Files.newOutputStream(out)) {
      new AlertJsonLines().write(result.alerts(), alerts);
    }
    new BacktestSummaryPrinter(console).print(result, out);
    if (summaryJson != null) {
      new BacktestSummaryJson().write(result, summaryJson);
      console.println("Summary written to " + summaryJson);
      console.flush();
    }
    boolean complete = result.replay().unreadableFiles().isEmpty() && result.accountedFor();
    return complete ? 0 : 1;
  }

  private Map<String, String> fromFile() {
    Map<String, String> settings = new LinkedHashMap<>();
    if (configFile != null) {
      try {
        ConfigSources.fromYaml(configFile).forEach((k, v) -> settings.put(k, String.valueOf(v)));
      } catch (ConfigException unreadable) {
        throw new ParameterException(spec.commandLine(), unreadable.getMessage(), unreadable);
      }
    }
    return settings;
  }

  /**
   * Progress bars on standard error (unless quiet), and a shutdown hook that stops the pipeline on
   * Ctrl-C while it runs.
   */
  private static final class ProgressDisplay implements BacktestListener, AutoCloseable {
    private final ReplayProgressBars replay;
    private ProgressBar processing;
    private Thread cleanup;

    ProgressDisplay(boolean quiet) {
      this.replay = quiet ? null : new ReplayProgressBars();
    }

    @Override
    public void pipelineStarted(EmbeddedPipeline pipeline) {
      cleanup =
          new Thread(
              () -> {
                try {
                  pipeline.close();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "backtest-cleanup");
      Runtime.getRuntime().addShutdownHook(cleanup);
    }

    @Override
    public void read(long records) {
      if (replay != null) {
        replay.read(records);
      }
    }

    @Override
    public void sendingStarts(long total) {
      if (replay != null) {
        replay.sendingStarts(total);
      }
    }

    @Override
    public void sent(long records) {
      if (replay != null) {
        replay.sent(records);
      }
    }

    @Override
    public void processingStarts(long records) {
      if (replay != null) {
        replay.finish();
        processing = ProgressBar.onStderr("processing", records, "rec");
      }
    }

    @Override
    public void processed(long records) {
      if (processing != null) {
        processing.update(records);
      }
    }

    @Override
    public void close() {
      if (processing != null) {
        processing.finish();
      }
      if (cleanup != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
          // Ctrl-C: the hook is running and stops the pipeline.
        }
      }
    }
  }

  /** Reads durations as the detector's settings write them: 90s, 30m, 2h. */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return DurationValue.parse(value);
      } catch (IllegalArgumentException notADuration) {
        throw new TypeConversionException(notADuration.getMessage());
      }
    }
  }
}
