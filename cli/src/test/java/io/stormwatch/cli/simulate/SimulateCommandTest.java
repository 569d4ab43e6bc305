package io.stormwatch.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {

  @Test
  void needsEitherFilesOrACluster() {
    CommandRun run = CommandRun.of(new SimulateCommand());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("either --out DIR (files) or --publish (a cluster)");
  }

  @Test
  void followingIsForPublishing() {
    CommandRun run = CommandRun.of(new SimulateCommand(), "--out", "target/never", "--follow");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--follow goes with --publish");
  }

  @Test
  void aSpeedThatIsNoSpeedIsAUsageError() {
    CommandRun run = CommandRun.of(new SimulateCommand(), "--publish", "--speed", "fast");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'fast' is not a speed");
  }
}
