package io.stormwatch.cli.replay;

import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.cli.options.EventTimeRangeOptions;
import io.stormwatch.cli.options.SortOptions;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.traffic.replay.RecordingFiles;
import io.stormwatch.traffic.replay.ReplaySettings;
import io.stormwatch.traffic.replay.ReplaySpeed;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code stormwatch replay}: recorded audit logs to the raw topics of a cluster, in event time. */
@Command(
    name = "replay",
    description = {
      "Replays recorded Microsoft 365 / Entra ID logs to the raw topics of a cluster, in event time.",
      "",
      "Reads every layout Microsoft's tools write (UAL JSON lines, Management Activity content"
          + " blobs, Purview CSV exports, Event Hub envelopes, Graph pages, Log Analytics exports),"
          + " plain or gzip, and sends the records in event-time order across all files, sorted in"
          + " bounded memory. Records are keyed by tenant and stamped with their event time; the"
          + " UAL and sign-in topics are kept in step in event time. Unreadable records go to the"
          + " dead-letter topic with the reason and their file and line. Missing topics are created"
          + " with the detector's layout (--set topic.partitions=..., topic.retention=...).",
      "",
      "Exit status: 0 done; 1 a file could not be read to its end (the rest was replayed), or the"
          + " cluster refused records; 2 usage error.",
      "",
    },
    mixinStandardHelpOptions = true)
public final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Recordings: files, or directories read recursively.")
  List<Path> files;

  @Option(
      names = "--speed",
      paramLabel = "SPEED",
      defaultValue = "max",
      converter = SpeedConverter.class,
      description =
          "max, or how many times faster than real time event time passes: 1x, 60x, 3600x"
              + " (default: ${DEFAULT-VALUE}).")
  ReplaySpeed speed;

  @Mixin EventTimeRangeOptions range;

  @Mixin ClusterOptions cluster;

  @Mixin SortOptions sort;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    StormwatchConfig config = cluster.config();
    List<Path> inputs = expand(spec, files);
    ReplaySettings settings =
        ReplaySettings.defaults()
            .withSpeed(speed)
            .withRange(range.range())
            .withSortMemory(sort.sortMemoryBytes(), sort.tempDirectory());
    out.printf(
        Locale.ROOT,
        "Replaying %d files to %s at %s speed%s%n",
        inputs.size(),
        config.bootstrapServers(),
        speed,
        settings.range().isUnbounded() ? "" : ", event times " + settings.range());
    out.flush();

    ReplayProgressBars progress = new ReplayProgressBars();
    ClusterReplay replay = ClusterReplay.run(config, inputs, settings, progress);
    progress.finish();

    if (!replay.topics().created().isEmpty()) {
      out.println("Created topics " + String.join(", ", replay.topics().created()));
    }
    ReplaySummaryPrinter printer = new ReplaySummaryPrinter(out);
    printer.print(replay.report(), config.topics());
    printer.warnAboutRetention(replay.report(), replay.topics().retentionByTopic());
    return replay.report().unreadableFiles().isEmpty() ? 0 : 1;
  }

  /**
   * The files named and beneath the directories named.
   *
   * @throws ParameterException (exit code 2) if a path does not exist
   */
  public static List<Path> expand(CommandSpec spec, List<Path> paths) throws Exception {
    try {
      return RecordingFiles.expand(paths);
    } catch (NoSuchFileException missing) {
      throw new ParameterException(
          spec.commandLine(), "no such file or directory: " + missing.getFile(), missing);
    }
  }

  /** Reads {@code max} or {@code 60x}. */
  public static final class SpeedConverter implements ITypeConverter<ReplaySpeed> {
    @Override
    public ReplaySpeed convert(String value) {
      try {
        return ReplaySpeed.parse(value);
      } catch (IllegalArgumentException notASpeed) {
        throw new TypeConversionException(notASpeed.getMessage());
      }
    }
  }
}
