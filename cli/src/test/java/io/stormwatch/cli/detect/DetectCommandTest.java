package io.stormwatch.cli.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DetectCommandTest {

  @TempDir Path stateDir;

  @Test
  void createsTopicsUnlessToldNotTo() {
    assertThat(parse().noCreateTopics).isFalse();
    assertThat(parse("--no-create-topics").noCreateTopics).isTrue();
  }

  @Test
  void doesNotStartWhenTheSchemaRegistryCannotBeReached() throws Exception {
    String registry = "http://127.0.0.1:" + unusedPort();
    // No broker either: with --no-create-topics the detector is the first thing that starts.

    CommandRun run =
        CommandRun.of(
            new DetectCommand(),
            "--no-create-topics",
            "--bootstrap-servers",
            "127.0.0.1:" + unusedPort(),
            "--set",
            "schema.registry.url=" + registry);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains("Cannot start the detector: Schema Registry at " + registry)
        .contains("under subject audit.events-value")
        .contains("unreachable");
  }

  @Test
  void stopsWithAMessageNamingTheSettingWhenTheMetricsPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CommandRun run =
          CommandRun.of(
              new DetectCommand(),
              "--no-create-topics",
              "--bootstrap-servers",
              "localhost:1",
              "--set",
              "metrics.bind.address=127.0.0.1",
              "--set",
              "metrics.port=" + taken.getLocalPort(),
              "--set",
              "state.dir=" + stateDir);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.err())
          .contains("cannot serve the operations endpoint", "metrics.port", "-1 for no endpoint");
    }
  }

  private static int unusedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static DetectCommand parse(String... args) {
    DetectCommand command = new DetectCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
