package io.stormwatch.cli;

import io.stormwatch.cli.alerts.AlertsCommand;
import io.stormwatch.cli.backtest.BacktestCommand;
import io.stormwatch.cli.bench.BenchCommand;
import io.stormwatch.cli.chaos.ChaosCommand;
import io.stormwatch.cli.config.ConfigCommand;
import io.stormwatch.cli.demo.DemoCommand;
import io.stormwatch.cli.detect.DetectCommand;
import io.stormwatch.cli.evaluation.EvaluateCommand;
import io.stormwatch.cli.fuzz.FuzzCommand;
import io.stormwatch.cli.heatmap.HeatmapCommand;
import io.stormwatch.cli.ingest.IngestCommand;
import io.stormwatch.cli.record.RecordCommand;
import io.stormwatch.cli.replay.ReplayCommand;
import io.stormwatch.cli.simulate.SimulateCommand;
import io.stormwatch.cli.topics.CreateTopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stormwatch} command. The only place that ends the process. */
@Command(
    name = "stormwatch",
    description =
        "Streaming detection of OAuth token replay and mailbox-read bursts in Microsoft 365 audit logs.",
    mixinStandardHelpOptions = true,
    versionProvider = StormwatchCli.Version.class,
    subcommands = {
      DemoCommand.class,
      BenchCommand.class,
      DetectCommand.class,
      CreateTopicsCommand.class,
      ConfigCommand.class,
      ReplayCommand.class,
      RecordCommand.class,
      BacktestCommand.class,
      SimulateCommand.class,
      EvaluateCommand.class,
      AlertsCommand.class,
      HeatmapCommand.class,
      IngestCommand.class,
      FuzzCommand.class,
      ChaosCommand.class
    })
public final class StormwatchCli implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its subcommands; every option can also come from the environment. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new StormwatchCli());
    cli.setDefaultValueProvider(new EnvironmentDefaults(System.getenv()));
    cli.setExecutionExceptionHandler(new AuthenticationFailureHandler());
    return cli;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = StormwatchCli.class.getPackage().getImplementationVersion();
      return new String[] {"stormwatch " + (version == null ? "(development build)" : version)};
    }
  }
}
