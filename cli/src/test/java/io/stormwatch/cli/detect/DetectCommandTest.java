package io.stormwatch.cli.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DetectCommandTest {

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

  private static int unusedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
