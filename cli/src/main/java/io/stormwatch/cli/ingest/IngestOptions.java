package io.stormwatch.cli.ingest;

import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.app.TopicReadiness;
import io.stormwatch.detector.config.ConfigSources;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.ingest.checkpoint.CheckpointTopic;
import io.stormwatch.ingest.sink.IngestTopics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The settings an ingestion runs with: Stormwatch's cluster and topics (the detector's keys: {@code
 * bootstrap.servers}, {@code kafka.*}, {@code topic.*}) and the {@code ingest.*} keys, from one
 * YAML file, the environment and {@code --set}, in that order.
 */
public final class IngestOptions {

  private static final Duration TOPIC_WAIT = Duration.ofSeconds(60);

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML settings: ingest.* keys (see 'stormwatch ingest --print-defaults') and the"
              + " cluster's (bootstrap.servers, kafka.*, topic.*).")
  Path configFile;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Stormwatch's Kafka cluster (overrides bootstrap.servers).")
  String bootstrapServers;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "A setting (repeatable), e.g. --set ingest.o365.tenants=<guid>,<guid>.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(
      names = "--create-topics",
      negatable = true,
      defaultValue = "true",
      description =
          "Create missing pipeline topics and the compacted checkpoint topic (default: ${DEFAULT-VALUE}).")
  boolean createTopics;

  /** The cluster's settings and the ingestion's. */
  public record Loaded(StormwatchConfig cluster, IngestConfig ingest) {}

  /**
   * Loads and validates every setting.
   *
   * @throws ParameterException (exit code 2) naming a bad setting
   */
  public Loaded load() {
    Map<String, String> overrides = new LinkedHashMap<>(settings);
    if (bootstrapServers != null) {
      overrides.put(StormwatchConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    try {
      return load(configFile, System.getenv(), overrides);
    } catch (ConfigException bad) {
      throw usageError(bad);
    }
  }

  /**
   * Loads settings, lowest precedence first: the YAML file, the environment, {@code overrides}.
   *
   * @throws ConfigException naming a bad setting
   */
  static Loaded load(Path yaml, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, Object> all = new LinkedHashMap<>();
    if (yaml != null) {
      all.putAll(ConfigSources.fromYaml(yaml));
    }
    all.putAll(ConfigSources.fromEnvironment(environment));
    all.putAll(IngestConfig.fromEnvironment(environment));
    all.putAll(overrides);
    Map<String, Object> cluster = new HashMap<>();
    Map<String, Object> ingest = new HashMap<>();
    all.forEach(
        (key, value) -> (key.startsWith(IngestConfig.PREFIX) ? ingest : cluster).put(key, value));
    return new Loaded(StormwatchConfig.from(cluster), IngestConfig.from(ingest));
  }

  /**
   * One source's settings, read from the loaded ones.
   *
   * @throws ParameterException (exit code 2) naming a bad setting, e.g. a certificate that cannot
   *     be read
   */
  public <S> S source(Loaded loaded, Function<IngestConfig, S> settings) {
    try {
      return settings.apply(loaded.ingest());
    } catch (ConfigException bad) {
      throw usageError(bad);
    }
  }

  /** Where an ingestion writes: {@code raw}, the dead-letter topic and the checkpoint topic. */
  public static IngestTopics topics(Loaded loaded, String raw) {
    return new IngestTopics(
        raw, loaded.cluster().topics().deadLetters(), loaded.ingest().checkpointTopic());
  }

  /** A bad setting found after loading (a certificate that cannot be read): exit code 2. */
  private ParameterException usageError(ConfigException bad) {
    return new ParameterException(spec.commandLine(), bad.getMessage(), bad);
  }

  /**
   * Creates the pipeline's missing topics and the compacted checkpoint topic, unless {@code
   * --no-create-topics}, and waits until the broker serves them.
   */
  public void ensureTopics(Loaded loaded, PrintWriter out) throws Exception {
    if (!createTopics) {
      return;
    }
    StormwatchConfig cluster = loaded.cluster();
    try (Admin admin = Admin.create(ClusterOptions.clientConfig(cluster))) {
      List<String> created =
          new ArrayList<>(
              new TopicProvisioner(admin).ensureTopics(cluster.topics(), cluster.topicLayout()));
      String checkpoints = loaded.ingest().checkpointTopic();
      if (CheckpointTopic.ensureExists(
          admin, checkpoints, cluster.topicLayout().replicationFactor())) {
        created.add(checkpoints);
        TopicReadiness.await(admin, List.of(checkpoints), TOPIC_WAIT);
      }
      if (!created.isEmpty()) {
        out.println("Created topics " + created);
      }
    }
  }
}
