package io.stormwatch.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code stormwatch} command run as its own process, as a user runs it: {@code java -jar
 * target/stormwatch.jar} (built by the package phase, before the integration tests), with its own
 * environment, its own logging configuration, and stdout and stderr captured to files.
 *
 * <p>The environment is the test's own without any {@code STORMWATCH_*} or {@code KAFKA_LOG_LEVEL}
 * variable, plus the ones given.
 */
public final class StormwatchProcess implements AutoCloseable {

  /** Where the package phase puts the command; its dependencies are in {@code target/lib}. */
  public static final Path JAR = Path.of("target", "stormwatch.jar");

  private final Process process;
  private final Path out;
  private final Path err;

  private StormwatchProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts {@code stormwatch args...} in {@code directory}, which also receives its output files.
   *
   * @throws IllegalStateException if the command has not been built
   */
  public static StormwatchProcess start(
      Path directory, Map<String, String> environment, String... args) throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR.toAbsolutePath() + " is missing: run the integration tests with 'mvn verify'");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(directory, args[0] + "-", ".out");
    Path err = Files.createTempFile(directory, args[0] + "-", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("STORMWATCH_") || name.equals("KAFKA_LOG_LEVEL"));
    builder.environment().putAll(environment);
    return new StormwatchProcess(builder.start(), out, err);
  }

  /** Runs {@code stormwatch args...} to its end. */
  public static Finished run(
      Path directory, Map<String, String> environment, Duration timeout, String... args)
      throws IOException, InterruptedException {
    try (StormwatchProcess process = start(directory, environment, args)) {
      return process.awaitExit(timeout);
    }
  }

  /**
   * Waits for the process to end by itself.
   *
   * @throws AssertionError if it is still running after {@code timeout}: it hangs
   */
  public Finished awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "stormwatch still running after " + timeout + "\n" + read(out) + read(err));
    }
    return new Finished(process.exitValue(), read(out), read(err));
  }

  /** Whether it still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** What it printed so far, stdout then stderr. */
  public String printedSoFar() {
    return read(out) + read(err);
  }

  /** Stops the process as Ctrl-C would (SIGTERM) and waits for it to end. */
  public Finished stop(Duration timeout) throws InterruptedException {
    process.destroy();
    return awaitExit(timeout);
  }

  /** Ends the process if it still runs (a failed test); a no-op after {@link #awaitExit}. */
  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A process that ended.
   *
   * @param exitCode its exit code
   * @param out what it printed on stdout
   * @param err what it printed on stderr: errors and its log
   */
  public record Finished(int exitCode, String out, String err) {

    /** Everything it printed. */
    public String printed() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
