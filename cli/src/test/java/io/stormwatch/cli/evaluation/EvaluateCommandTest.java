package io.stormwatch.cli.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.sim.scenario.ScenarioType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command's options, without starting a broker. */
class EvaluateCommandTest {

  private final StringWriter err = new StringWriter();

  private CommandLine command() {
    CommandLine cli = new CommandLine(new EvaluateCommand());
    cli.setErr(new PrintWriter(err));
    return cli;
  }

  @Test
  void listsEveryScenarioWithWhatItRequires() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = command().execute("--list");
    } finally {
      System.setOut(original);
    }

    String listing = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    for (ScenarioType type : ScenarioType.values()) {
      assertThat(listing).contains(type.id());
    }
    assertThat(listing)
        .containsPattern("tenant-without-signin-logs +attack +requires signin-coverage-gap")
        .contains("allows mail-burst,unusual-mail-client");
  }

  @Test
  void anUnknownScenarioIsAUsageError() {
    int exit = command().execute("--scenarios", "token-replay-vps,teleport");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("'teleport'").contains("token-replay-vps");
  }

  @Test
  void anUnknownDetectorSettingIsAUsageError() {
    int exit = command().execute("--set", "rule.token-replay.windwo=3h");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("rule.token-replay.windwo");
  }

  @Test
  void aBarOutsideZeroToOneIsAUsageError() {
    assertThat(command().execute("--min-recall", "1.5")).isEqualTo(2);
  }
}
