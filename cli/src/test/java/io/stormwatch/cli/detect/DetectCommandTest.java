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
    assertThat(parse().createTopics).isTrue();
    assertThat(parse("--create-topics").createTopics).isTrue();
    assertThat(parse("--no-create-topics").createTopics).isFalse();
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

  private static DetectCommand parse(String... args) {
    DetectCommand command = new DetectCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
