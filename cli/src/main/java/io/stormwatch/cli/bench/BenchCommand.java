package io.stormwatch.cli.bench;

import io.stormwatch.bench.BenchSettings;
import io.stormwatch.bench.Benchmark;
import io.stormwatch.bench.ProgressListener;
import io.stormwatch.bench.report.BenchReport;
import io.stormwatch.bench.report.ReportJson;
import io.stormwatch.bench.report.ReportTable;
import io.stormwatch.cli.console.ProgressBar;
import io.stormwatch.detector.config.StormwatchConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stormwatch bench}: throughput against its two limits, alert latency, memory. */
@Command(
    name = "bench",
    description =
        "Measures Stormwatch on a real single-node Kafka broker (KRaft) started inside this "
            + "process. Pre-loads simulated audit records, then over the same records: a plain "
            + "consumer reading them (the physical limit), a bare Kafka Streams windowed count per "
            + "account (the floor) and the full pipeline, all exactly-once; then alert latency at a "
            + "fixed load and memory. Prints a table; --json writes the same figures. A default run "
            + "takes 20 to 30 minutes on two cores. The README explains the figures.",
    mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--events",
      defaultValue = "2000000",
      description = "Raw records to pre-load and process (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--accounts",
      defaultValue = "100000",
      description = "Simulated accounts, a multiple of 100 (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(
      names = "--partitions",
      defaultValue = "6",
      description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description =
          "Kafka Streams threads of the floor and the pipeline, consumers of the raw read"
              + " (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--latency-seconds",
      defaultValue = "60",
      description = "How long the latency phase offers load (default: ${DEFAULT-VALUE}).")
  long latencySeconds;

  @Option(
      names = "--latency-load",
      defaultValue = "0.5",
      description =
          "Offered load of the latency phase, as a share of the measured pipeline throughput"
              + " (default: ${DEFAULT-VALUE}).")
  double latencyLoad;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Simulator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = {
        "Override a detector setting for the floor and the pipeline alike (repeatable), e.g.",
        "--set kafka.statestore.cache.max.bytes=67108864. Without it the shipped defaults run."
      })
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to FILE.")
  Path json;

  @Override
  public Integer call() throws Exception {
    BenchSettings settings = settings();
    PrintStream out = System.out;
    BenchReport report = new Benchmark(settings, new ProgressBars()).run();
    out.println();
    out.print(ReportTable.format(report));
    if (json != null) {
      ReportJson.write(report, json);
      out.println("Figures written to " + json);
    }
    return 0;
  }

  /**
   * The validated settings.
   *
   * @throws ParameterException (a usage error, exit code 2) naming what to change
   */
  BenchSettings settings() {
    try {
      BenchSettings settings =
          new BenchSettings(
              events,
              accounts,
              partitions,
              threads,
              Duration.ofSeconds(latencySeconds),
              latencyLoad,
              seed,
              BenchSettings.simulationStartBefore(LocalDate.now(ZoneOffset.UTC)),
              overrides);
      StormwatchConfig.from(overrides); // a typo or bad value fails here, before the run
      return settings;
    } catch (IllegalArgumentException | ConfigException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** Progress bars and notes on standard error, so that standard output holds only the table. */
  private static final class ProgressBars implements ProgressListener {
    @Override
    public Progress begin(String label, long total, String unit) {
      ProgressBar bar = ProgressBar.onStderr(label, total, unit);
      return new Progress() {
        @Override
        public void update(long done) {
          bar.update(done);
        }

        @Override
        public void finish() {
          bar.finish();
        }
      };
    }

    @Override
    public void note(String line) {
      System.err.println(line);
    }
  }
}
