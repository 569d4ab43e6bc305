package io.stormwatch.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import org.junit.jupiter.api.Test;

/** Usage errors end with exit code 2 and a message, before any broker is started. */
class FuzzCommandTest {

  @Test
  void refusesFewerThanOneRecord() {
    CommandRun run = CommandRun.of(new FuzzCommand(), "--records", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("records must be at least 1");
  }

  @Test
  void refusesHostileFilesTooSmallToBeABomb() {
    CommandRun run = CommandRun.of(new FuzzCommand(), "--hostile-file-mib", "16");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("at least 128 MiB");
  }

  @Test
  void refusesAnUnknownDetectorSetting() {
    CommandRun run = CommandRun.of(new FuzzCommand(), "--set", "normaliser.max.depth=3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("normaliser.max.depth");
  }
}
