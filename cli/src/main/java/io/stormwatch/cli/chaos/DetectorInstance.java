package io.stormwatch.cli.chaos;

import io.stormwatch.cli.StormwatchCli;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One detector instance of a chaos run: {@code stormwatch detect} in a JVM of its own, with its own
 * state directory and Kafka client id, started again on the same directory after a kill. Its output
 * goes to a log file that every start appends to.
 */
final class DetectorInstance {

  /** Environment variables the command reads settings from; the run's settings are given alone. */
  private static final String SETTINGS_ENVIRONMENT_PREFIX = "STORMWATCH_";

  private final int number;
  private final String name;
  private final Path log;
  private final List<String> command;
  private Process process;
  private int starts;

  private DetectorInstance(int number, String name, Path log, List<String> command) {
    this.number = number;
    this.name = name;
    this.log = log;
    this.command = List.copyOf(command);
  }

  /**
   * An instance that runs {@code stormwatch detect} with {@code settings} (bootstrap servers,
   * application id, state directory, client id, ...) on the {@code classpath} of the stormwatch
   * command, in a JVM started with {@code javaOptions}.
   */
  static DetectorInstance of(
      int number,
      String name,
      Path log,
      String classpath,
      List<String> javaOptions,
      Map<String, String> settings) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(StormwatchCli.class.getName());
    command.add("detect");
    command.add("--no-create-topics");
    settings.forEach(
        (key, value) -> {
          command.add("--set");
          command.add(key + "=" + value);
        });
    return new DetectorInstance(number, name, log, command);
  }

  /** The instance's number in its run, from 1. */
  int number() {
    return number;
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  /** Starts the process; the previous one, if any, must have ended. */
  void start() throws IOException {
    if (running()) {
      throw new IllegalStateException(name + " is already running");
    }
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(key -> key.startsWith(SETTINGS_ENVIRONMENT_PREFIX));
    process = builder.start();
    starts++;
  }

  boolean running() {
    return process != null && process.isAlive();
  }

  /** Whether the process was started and ended without being told to. */
  boolean endedByItself() {
    return process != null && !process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  int starts() {
    return starts;
  }

  /** The exit code of the ended process. */
  int exitCode() {
    return process.exitValue();
  }

  /** {@code kill -9}: the process ends at once, in the middle of whatever it does. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    process = null;
  }

  /**
   * Asks the process to stop as Ctrl-C does (SIGTERM: the command closes Kafka Streams) and waits
   * for it; kills it if it has not ended within {@code patience}.
   *
   * @return whether it ended by itself within {@code patience}
   */
  boolean stop(Duration patience) throws InterruptedException {
    process.destroy();
    boolean ended = process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      process.destroyForcibly();
      process.waitFor();
    }
    process = null;
    return ended;
  }
}
