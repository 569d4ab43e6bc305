package io.stormwatch.cli.chaos;

import io.stormwatch.cli.backtest.BacktestCommand;
import io.stormwatch.cli.options.DetectorSettingOptions;
import io.stormwatch.cli.options.SimulationOptions;
import io.stormwatch.detector.config.StormwatchConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stormwatch chaos}: kills, restarts and rescales detectors, and checks exactly-once. */
@Command(
    name = "chaos",
    description = {
      "Checks that crashes, restarts and rescaling lose and duplicate no alert.",
      "",
      "Simulates a labelled recording, backtests it without interruption (the reference), then"
          + " puts it on a real single-node Kafka broker started in this process and runs the"
          + " detector on it as separate processes ('stormwatch detect'), each with its own state"
          + " directory, while faults drawn from --fault-seed hit them at random points of their"
          + " committed progress: kill -9 followed by a restart, a broker stop and start on the same"
          + " data and port, and with --scale-out a third instance joining two, one stopping as"
          + " Ctrl-C stops it and one killed for good. Once every record is committed, the alerts"
          + " topic read as a read_committed consumer reads it must hold exactly the reference's"
          + " alerts: 0 lost, 0 extra, 0 duplicated revisions, latest revisions equal in every"
          + " field; and audit.events exactly its events. Prints each fault with how long its"
          + " recovery took.",
      "",
      "Exit status: 0 PASS; 1 FAIL (figures differ, or a detector ended by itself or did not"
          + " recover within --step-timeout; the work directory with every detector's log is then"
          + " kept); 2 usage error.",
      "",
    },
    mixinStandardHelpOptions = true)
public final class ChaosCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SimulationOptions simulation;

  @Option(
      names = "--fault-seed",
      paramLabel = "N",
      description = "Seed of the faults' places and targets (default: a random one, printed).")
  Long faultSeed;

  @Option(
      names = "--kills",
      paramLabel = "N",
      description =
          "kill -9 + restart of a random running instance (default: 10; 0 with --scale-out).")
  Integer kills;

  @Option(
      names = "--instances",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Detector processes from the start (default: ${DEFAULT-VALUE}; --scale-out starts 2).")
  int instances;

  @Option(
      names = "--broker-restart",
      negatable = true,
      description = "Stop and start the broker once (default: on; off with --scale-out).")
  Boolean brokerRestart;

  @Option(
      names = "--scale-out",
      description =
          "Two instances, a third joins, one stops gracefully, one is killed and not restarted;"
              + " with standby.replicas=1 unless --set says otherwise.")
  boolean scaleOut;

  @Option(
      names = "--membership",
      paramLabel = "static|dynamic",
      defaultValue = "static",
      description =
          "static: each instance has its own group.instance.id, so one restarted takes its tasks"
              + " back at once; dynamic: a restarted instance waits for its old session to expire"
              + " (default: ${DEFAULT-VALUE}).")
  String membership;

  @Option(
      names = "--session-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = BacktestCommand.DurationConverter.class,
      description =
          "Consumer group session timeout: how long before the tasks of a dead or stopped instance"
              + " move to the others (default: ${DEFAULT-VALUE}).")
  Duration sessionTimeout;

  @Option(
      names = "--pace",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = BacktestCommand.DurationConverter.class,
      description =
          "How long one detector process would take to read the whole recording: each is held to"
              + " that rate by a broker fetch quota, so that the faults land while there is work"
              + " left; 0s for full speed (default: ${DEFAULT-VALUE}).")
  Duration pace;

  @Option(
      names = "--step-timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = BacktestCommand.DurationConverter.class,
      description = "How long a recovery or the final drain may take (default: ${DEFAULT-VALUE}).")
  Duration stepTimeout;

  @Option(
      names = "--instance-java-options",
      paramLabel = "OPTIONS",
      description =
          "JVM options of each detector process, space-separated (default: "
              + "-Xmx384m -XX:TieredStopAtLevel=1).")
  String instanceJavaOptions;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Where recording, broker data, state and logs go (default: a temporary directory,"
              + " deleted after a PASS).")
  Path workDir;

  @Mixin DetectorSettingOptions setOptions;

  @Override
  public Integer call() throws Exception {
    setOptions.checkedUnder(ChaosRun.APPLICATION_ID);
    Map<String, String> detectorSettings = setOptions.given();
    ChaosSettings settings = settings(detectorSettings);
    PrintWriter out = spec.commandLine().getOut();
    ChaosReport report = new ChaosReport(out);
    report.plan(settings);
    out.printf("  simulation   %s%n", simulation.describe());
    out.flush();
    ChaosResult result;
    try {
      ChaosReference reference =
          ChaosReference.prepare(
              simulation.settings(),
              detectorSettings,
              settings.workDirectory(),
              settings.stepTimeout());
      report.reference(reference);
      result = new ChaosRun(settings, report).run(reference);
    } catch (ChaosFailure failure) {
      report.failed(failure);
      return 1;
    }
    report.result(result);
    if (result.passed() && workDir == null) {
      deleteRecursively(settings.workDirectory());
    } else {
      out.println("Logs and data kept in " + settings.workDirectory());
    }
    out.flush();
    return result.passed() ? 0 : 1;
  }

  private ChaosSettings settings(Map<String, String> detectorSettings) throws IOException {
    if (instances < 1) {
      throw new ParameterException(spec.commandLine(), "--instances must be at least 1");
    }
    if (kills != null && kills < 0) {
      throw new ParameterException(spec.commandLine(), "--kills must not be negative");
    }
    if (!membership.equals("static") && !membership.equals("dynamic")) {
      throw new ParameterException(
          spec.commandLine(), "--membership must be static or dynamic, not " + membership);
    }
    long seed = faultSeed != null ? faultSeed : ThreadLocalRandom.current().nextLong(1_000_000);
    int killCount = kills != null ? kills : (scaleOut ? 0 : 10);
    boolean restartBroker = brokerRestart != null ? brokerRestart : !scaleOut;
    ChaosPlan plan =
        scaleOut
            ? ChaosPlan.scaleOut(seed, killCount, restartBroker)
            : ChaosPlan.crash(seed, instances, killCount, restartBroker);
    Path work =
        workDir != null
            ? Files.createDirectories(workDir)
            : Files.createTempDirectory("stormwatch-chaos-");
    Map<String, String> instanceSettings = new LinkedHashMap<>();
    if (scaleOut && !detectorSettings.containsKey(StormwatchConfig.STANDBY_REPLICAS)) {
      instanceSettings.put(StormwatchConfig.STANDBY_REPLICAS, "1");
    }
    return new ChaosSettings(
        plan,
        instanceSettings,
        pace,
        membership.equals("static"),
        sessionTimeout,
        System.getProperty("java.class.path"),
        instanceJavaOptions == null
            ? ChaosSettings.DEFAULT_INSTANCE_JAVA_OPTIONS
            : List.of(instanceJavaOptions.trim().split("\\s+")),
        stepTimeout,
        work);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
