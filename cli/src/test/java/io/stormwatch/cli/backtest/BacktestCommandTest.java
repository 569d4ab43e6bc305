package io.stormwatch.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Usage errors end with exit code 2 and a message, before any broker is started. */
class BacktestCommandTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  @Test
  void requiresAnAlertsFile() throws Exception {
    Path recording = Files.writeString(dir.resolve("r.jsonl"), "{}\n");

    assertThat(run(recording.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out");
  }

  @Test
  void namesARecordingThatDoesNotExist() {
    assertThat(run(dir.resolve("missing.jsonl").toString(), "--out", dir.resolve("a").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no such file or directory").contains("missing.jsonl");
  }

  @Test
  void refusesAnUnknownDetectorSetting() throws Exception {
    Path recording = Files.writeString(dir.resolve("r.jsonl"), "{}\n");

    assertThat(
            run(
                recording.toString(),
                "--out",
                dir.resolve("a").toString(),
                "--set",
                "rule.mail-burst.flor.items=3"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("rule.mail-burst.flor.items");
  }

  @Test
  void refusesAnEmptyTimeRange() throws Exception {
    Path recording = Files.writeString(dir.resolve("r.jsonl"), "{}\n");

    assertThat(
            run(
                recording.toString(),
                "--out",
                dir.resolve("a").toString(),
                "--from",
                "2026-03-04",
                "--to",
                "2026-03-03"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--to");
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new BacktestCommand());
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }
}
