package io.stormwatch.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

  @TempDir Path dir;

  @Test
  void printsEverySettingWithItsDefaultAndDocumentation() {
    CommandRun run = CommandRun.of(new ConfigCommand(), "--print-defaults");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("rule.token-replay.window: \"2h\"")
        .contains("# How long a token's uses are remembered")
        .contains("topic.retention: \"180d\"");
  }

  @Test
  void printsTheEffectiveSettingsOfAValidFile() throws IOException {
    Path file =
        Files.writeString(dir.resolve("ok.yaml"), "rule:\n  mail-burst:\n    floor.items: 750\n");

    CommandRun run =
        CommandRun.of(new ConfigCommand(), "--check", file.toString(), "--set", "events.grace=3h");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("rule.mail-burst.floor.items: \"750\"")
        .contains("events.grace: \"3h\"");
  }

  @Test
  void exitsTwoNamingTheKeyOfABadValue() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "rule.orphan-token.grace: soon\n");

    CommandRun run = CommandRun.of(new ConfigCommand(), "--check", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("rule.orphan-token.grace").contains("not a duration");
  }
}
