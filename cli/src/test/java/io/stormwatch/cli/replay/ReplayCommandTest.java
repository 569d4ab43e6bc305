package io.stormwatch.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  @Test
  void refusesASpeedThatIsNotOne() throws Exception {
    Path recording = Files.writeString(dir.resolve("r.jsonl"), "{}\n");

    assertThat(run(recording.toString(), "--speed", "fast")).isEqualTo(2);
    assertThat(err.toString()).contains("not a speed");
  }

  @Test
  void refusesATimeThatIsNotOne() throws Exception {
    Path recording = Files.writeString(dir.resolve("r.jsonl"), "{}\n");

    assertThat(run(recording.toString(), "--from", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("not a time");
  }

  @Test
  void refusesASortMemoryThatIsNotASize() throws Exception {
    Path recording = Files.writeString(dir.resolve("r.jsonl"), "{}\n");

    assertThat(run(recording.toString(), "--sort-memory", "lots")).isEqualTo(2);
    assertThat(err.toString()).contains("not a size");
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new ReplayCommand());
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }
}
