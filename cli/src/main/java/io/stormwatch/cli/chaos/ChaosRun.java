package io.stormwatch.cli.chaos;

import io.stormwatch.cli.backtest.Backtest;
import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.cli.pipeline.CommittedTopicReader;
import io.stormwatch.cli.replay.ClusterReplay;
import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.kafka.embedded.EmbeddedKafkaSettings;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.serde.AvroSerdes;
import io.stormwatch.schemas.serde.BundledSchemaResolver;
import io.stormwatch.traffic.replay.ReplayProgress;
import io.stormwatch.traffic.replay.ReplaySettings;
import io.stormwatch.traffic.replay.ReplaySpeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One chaos run: a labelled simulated recording, its uninterrupted backtest as the reference, and
 * the same recording processed by detector processes that are killed, restarted, added and removed
 * while a broker that is itself restarted once serves them; then the alerts topic, read as a {@code
 * read_committed} consumer reads it, against the reference.
 *
 * <p>Like the reference, the run puts the whole recording on the broker before the first detector
 * starts, so that Kafka Streams merges the raw topics in the same order: what differs is only what
 * the faults do. Every wait is on committed offsets or group membership, never on wall time.
 */
public final class ChaosRun {

  /** The application id (consumer group) of the detectors of a chaos run. */
  public static final String APPLICATION_ID = "stormwatch-chaos";

  private static final Duration STOP_PATIENCE = Duration.ofSeconds(60);

  private static final Duration POLL = Duration.ofMillis(50);

  private final ChaosSettings settings;
  private final ChaosListener listener;
  private final Map<Integer, DetectorInstance> instances = new TreeMap<>();
  private final Set<Integer> meantToRun = new TreeSet<>();
  private EmbeddedKafkaBroker broker;
  private EmbeddedKafkaSettings brokerSettings;

  public ChaosRun(ChaosSettings settings, ChaosListener listener) {
    this.settings = settings;
    this.listener = listener;
  }

  /**
   * Runs the plan on {@code reference}'s recording and compares with its backtest.
   *
   * @throws ChaosFailure if a detector ended by itself, or did not recover or finish in time
   */
  public ChaosResult run(ChaosReference reference) throws Exception {
    long started = System.nanoTime();
    brokerSettings =
        EmbeddedKafkaSettings.defaults()
            .withDataDirectory(settings.workDirectory().resolve("kafka"))
            .withBrokerProperties(FetchPace.BROKER);
    broker = EmbeddedKafkaBroker.start(brokerSettings);
    brokerSettings = brokerSettings.withClientPort(port(broker.bootstrapServers()));
    try {
      StormwatchConfig config =
          StormwatchConfig.from(commonSettings(reference, broker.bootstrapServers()));
      try (Admin admin = Admin.create(ClusterOptions.clientConfig(config))) {
        new TopicProvisioner(admin).ensureTopics(config.topics(), config.topicLayout());
        long total =
            ClusterReplay.run(
                    paced() ? config.with(FetchPace.PUBLISHING) : config,
                    reference.files(),
                    ReplaySettings.defaults().withSpeed(ReplaySpeed.MAX),
                    ReplayProgress.NONE)
                .report()
                .sent();
        listener.inputPublished(total, broker.bootstrapServers());
        FetchPace pace = new FetchPace(admin, instanceNames(), config.streamThreads());
        if (paced()) {
          pace.hold(reference.bytes(), settings.pace());
        }
        GroupProgress progress =
            new GroupProgress(
                admin,
                APPLICATION_ID,
                List.of(config.topics().ualRaw(), config.topics().signInRaw()));
        return disturbAndCompare(admin, config, pace, progress, total, reference, started);
      }
    } finally {
      stopAll();
      broker.close();
    }
  }

  private boolean paced() {
    return !settings.pace().isZero();
  }

  private ChaosResult disturbAndCompare(
      Admin admin,
      StormwatchConfig config,
      FetchPace pace,
      GroupProgress progress,
      long total,
      ChaosReference reference,
      long started)
      throws Exception {
    for (int i = 1; i <= settings.plan().initialInstances(); i++) {
      start(i, reference);
    }
    List<FaultOutcome> outcomes = new ArrayList<>();
    int number = 0;
    for (Fault fault : settings.plan().faults()) {
      long target = (long) Math.ceil(fault.atProgress() * total);
      await(
          "the detectors to commit " + target + " of " + total + " records",
          () -> GroupProgress.committed(progress.tasks()) >= target);
      // Part of the plan: a random moment after the progress point, not a wait for something.
      Thread.sleep(fault.delay().toMillis());
      FaultOutcome outcome = apply(++number, fault, progress, total, reference);
      outcomes.add(outcome);
      listener.faultApplied(outcome);
    }
    if (paced()) {
      pace.release();
    }
    long drainStarted = System.nanoTime();
    await("the detectors to commit every record", () -> GroupProgress.done(progress.tasks()));
    Duration drain = since(drainStarted);
    listener.drained(drain);
    stopAll();
    List<String> outputs = List.of(config.topics().alerts(), config.topics().events());
    await(
        "the transactions killed detectors left open to be aborted",
        () -> OpenTransactions.none(admin, outputs));

    Map<String, Object> client = ClusterOptions.clientConfig(config);
    Deserializer<Alert> alerts =
        AvroSerdes.of(Alert.class, new BundledSchemaResolver()).deserializer();
    List<Alert> onTopic = new ArrayList<>();
    String alertsTopic = config.topics().alerts();
    new CommittedTopicReader(client)
        .readToEnd(
            alertsTopic, record -> onTopic.add(alerts.deserialize(alertsTopic, record.value())));
    long events = new CommittedTopicReader(client).count(config.topics().events());
    return new ChaosResult(
        settings.plan(),
        reference.backtest().normalised(),
        events,
        AlertComparison.of(reference.backtest().alerts(), onTopic),
        outcomes,
        drain,
        since(started));
  }

  private FaultOutcome apply(
      int number, Fault fault, GroupProgress progress, long total, ChaosReference reference)
      throws Exception {
    Map<Integer, GroupProgress.TaskOffsets> before = progress.tasks();
    double at = (double) GroupProgress.committed(before) / total;
    return switch (fault.kind()) {
      case KILL_AND_RESTART -> {
        DetectorInstance instance = target(fault, progress);
        Set<Integer> tasks = progress.activeTasksOf(instance.name());
        long pid = instance.pid();
        long killedAt = System.nanoTime();
        instance.kill();
        instance.start();
        Optional<Duration> recovery = awaitCommits(tasks, false, progress, killedAt);
        yield new FaultOutcome(
            number,
            fault,
            at,
            instance.name() + " pid " + pid + " -> " + instance.pid(),
            recovery.isPresent() ? "committing again" : "had no unfinished task",
            recovery);
      }
      case BROKER_RESTART -> {
        long stopping = System.nanoTime();
        broker.close();
        Duration stop = since(stopping);
        long starting = System.nanoTime();
        broker = EmbeddedKafkaBroker.start(brokerSettings);
        Duration start = since(starting);
        Optional<Duration> recovery = awaitCommits(before.keySet(), false, progress, starting);
        yield new FaultOutcome(
            number,
            fault,
            at,
            String.format(
                Locale.ROOT,
                "%s stopped in %.1f s, started in %.1f s",
                broker.bootstrapServers(),
                seconds(stop),
                seconds(start)),
            recovery.isPresent() ? "detectors committing again" : "nothing left to commit",
            recovery);
      }
      case JOIN -> {
        long joining = System.nanoTime();
        int joiner = instances.size() + 1;
        start(joiner, reference);
        DetectorInstance instance = instances.get(joiner);
        await(instance.name() + " to join the group", () -> progress.isMember(instance.name()));
        yield new FaultOutcome(
            number,
            fault,
            at,
            instance.name() + " pid " + instance.pid(),
            "in the group",
            Optional.of(since(joining)));
      }
      case STOP, KILL -> {
        DetectorInstance instance = target(fault, progress);
        Set<Integer> tasks = progress.activeTasksOf(instance.name());
        long pid = instance.pid();
        long removed = System.nanoTime();
        meantToRun.remove(instance.number());
        String forced = "";
        if (fault.kind() == Fault.Kind.KILL) {
          instance.kill();
        } else if (!instance.stop(STOP_PATIENCE)) {
          forced = " (killed: not stopped after " + STOP_PATIENCE.toSeconds() + " s)";
        }
        Optional<Duration> recovery = awaitCommits(tasks, true, progress, removed);
        yield new FaultOutcome(
            number,
            fault,
            at,
            instance.name() + " pid " + pid + forced,
            recovery.isPresent()
                ? "its tasks " + tasks + " committing on the others"
                : "had no unfinished active task",
            recovery);
      }
    };
  }

  /**
   * The running instance {@code fault} hits: see {@link Fault#pick()}. While some task is
   * unfinished, waits until some instance runs one (a rebalance may have left none assigned yet).
   */
  private DetectorInstance target(Fault fault, GroupProgress progress) throws Exception {
    List<DetectorInstance> busy = new ArrayList<>();
    await(
        "a detector to run an unfinished task",
        () -> {
          busy.clear();
          Map<Integer, GroupProgress.TaskOffsets> offsets = progress.tasks();
          for (int number : meantToRun) {
            DetectorInstance instance = instances.get(number);
            if (progress.activeTasksOf(instance.name()).stream()
                .anyMatch(task -> !offsets.get(task).done())) {
              busy.add(instance);
            }
          }
          return !busy.isEmpty() || GroupProgress.done(offsets);
        });
    List<DetectorInstance> candidates =
        busy.isEmpty() ? meantToRun.stream().map(instances::get).toList() : busy;
    return candidates.get(fault.pick() % candidates.size());
  }

  /**
   * Waits until the unfinished ones among {@code tasks} commit again: any of them (the instance or
   * broker that was restarted is back) or, with {@code everyTask}, each of them (another instance
   * took them over); returns the time since {@code sinceNanos}, or empty if none is unfinished.
   */
  private Optional<Duration> awaitCommits(
      Set<Integer> tasks, boolean everyTask, GroupProgress progress, long sinceNanos)
      throws Exception {
    Map<Integer, GroupProgress.TaskOffsets> before = progress.tasks();
    List<Integer> unfinished = tasks.stream().filter(t -> !before.get(t).done()).toList();
    if (unfinished.isEmpty()) {
      return Optional.empty();
    }
    await(
        "tasks " + unfinished + " to commit again",
        () -> {
          Map<Integer, GroupProgress.TaskOffsets> now = progress.tasks();
          Predicate<Integer> moved =
              t -> now.get(t).done() || now.get(t).committed() > before.get(t).committed();
          return everyTask
              ? unfinished.stream().allMatch(moved)
              : unfinished.stream().anyMatch(moved);
        });
    return Optional.of(since(sinceNanos));
  }

  private void start(int number, ChaosReference reference) throws Exception {
    DetectorInstance instance =
        instances.computeIfAbsent(
            number,
            n -> {
              String name = instanceName(n);
              Map<String, String> own =
                  new LinkedHashMap<>(commonSettings(reference, broker.bootstrapServers()));
              own.putAll(settings.instanceSettings());
              if (paced()) {
                own.putAll(FetchPace.FETCHING);
              }
              own.put(
                  StormwatchConfig.STATE_DIR,
                  settings.workDirectory().resolve(name).resolve("state").toString());
              // Several instances on one host: each serves /metrics on a port of its own.
              own.put(StormwatchConfig.METRICS_PORT, "0");
              // Streams names its clients after client.id: how GroupProgress finds an instance.
              own.put(StormwatchConfig.KAFKA_PREFIX + "client.id", name);
              if (settings.staticMembership()) {
                own.put(StormwatchConfig.KAFKA_PREFIX + "main.consumer.group.instance.id", name);
              }
              own.put(
                  StormwatchConfig.KAFKA_PREFIX + "main.consumer.session.timeout.ms",
                  Long.toString(settings.sessionTimeout().toMillis()));
              return DetectorInstance.of(
                  n,
                  name,
                  settings.workDirectory().resolve(name + ".log"),
                  settings.classpath(),
                  settings.instanceJavaOptions(),
                  own);
            });
    instance.start();
    meantToRun.add(number);
  }

  private Map<String, String> commonSettings(ChaosReference reference, String bootstrapServers) {
    Map<String, String> common = new LinkedHashMap<>(reference.detectorSettings());
    common.put(StormwatchConfig.APPLICATION_ID, APPLICATION_ID);
    common.put(StormwatchConfig.TOPIC_RETENTION, Backtest.RETENTION);
    common.put(StormwatchConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    return common;
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  /**
   * Polls {@code condition} until it holds; meanwhile every instance meant to run must run.
   *
   * @throws ChaosFailure if an instance ended by itself, or {@code condition} did not hold within
   *     the step timeout
   */
  private void await(String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + settings.stepTimeout().toNanos();
    Exception lastError = null;
    while (System.nanoTime() < deadline) {
      for (int number : meantToRun) {
        DetectorInstance instance = instances.get(number);
        if (instance.endedByItself()) {
          throw new ChaosFailure(
              instance.name()
                  + " ended by itself with exit code "
                  + instance.exitCode()
                  + " while waiting for "
                  + what
                  + "; its log: "
                  + instance.log());
        }
      }
      try {
        if (condition.holds()) {
          return;
        }
      } catch (ExecutionException e) {
        lastError = e; // the broker may be restarting; look again
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new ChaosFailure(
        "waited "
            + settings.stepTimeout().toSeconds()
            + " s for "
            + what
            + " in vain"
            + (lastError == null ? "" : " (last error: " + lastError.getCause() + ")")
            + "; logs in "
            + settings.workDirectory());
  }

  private void stopAll() throws InterruptedException {
    for (DetectorInstance instance : instances.values()) {
      if (instance.running()) {
        instance.stop(STOP_PATIENCE);
      }
    }
    meantToRun.clear();
  }

  /** The names of every instance the plan starts. */
  private List<String> instanceNames() {
    List<String> names = new ArrayList<>();
    for (int n = 1; n <= settings.plan().instancesStarted(); n++) {
      names.add(instanceName(n));
    }
    return names;
  }

  private static String instanceName(int number) {
    return "chaos-" + number;
  }

  private static int port(String bootstrapServers) {
    return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
