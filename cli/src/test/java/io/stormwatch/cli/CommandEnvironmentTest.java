package io.stormwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.backtest.BacktestCommand;
import io.stormwatch.cli.replay.ReplayCommand;
import io.stormwatch.traffic.replay.ReplaySpeed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The replay commands' options, shared ones included, can come from the environment. */
class CommandEnvironmentTest {

  @Test
  void takesReplayOptionsFromTheEnvironment() {
    CommandLine cli =
        parse(
            new ReplayCommand(),
            Map.of("STORMWATCH_REPLAY_SPEED", "60x", "STORMWATCH_BOOTSTRAP_SERVERS", "kafka:9092"),
            "recording.jsonl");

    assertThat(option(cli, "--speed")).isEqualTo(ReplaySpeed.parse("60x"));
    assertThat(option(cli, "--bootstrap-servers")).isEqualTo("kafka:9092");
  }

  @Test
  void takesBacktestOptionsFromTheEnvironment() {
    CommandLine cli =
        parse(
            new BacktestCommand(),
            Map.of("STORMWATCH_BACKTEST_OUT", "alerts.jsonl", "STORMWATCH_SORT_MEMORY", "1g"),
            "recording.jsonl");

    assertThat(option(cli, "--out")).hasToString("alerts.jsonl");
    assertThat(option(cli, "--sort-memory")).isEqualTo(1L << 30);
  }

  private static CommandLine parse(Object command, Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setDefaultValueProvider(new EnvironmentDefaults(env));
    cli.parseArgs(args);
    return cli;
  }

  private static Object option(CommandLine cli, String name) {
    return cli.getCommandSpec().findOption(name).getValue();
  }
}
