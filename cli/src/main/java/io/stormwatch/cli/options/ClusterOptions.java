package io.stormwatch.cli.options;

import io.stormwatch.detector.config.ConfigSources;
import io.stormwatch.detector.config.StormwatchConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The cluster a command talks to, and the settings it shares with the detector, from the same
 * sources: a YAML file ({@code --config}), {@code STORMWATCH_*} environment variables and {@code
 * --set}. Topic names come from the same keys ({@code topic.ual.raw}, ...), Kafka client settings
 * from {@code kafka.*}.
 */
public final class ClusterOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The detector's YAML configuration (see 'stormwatch config --print-defaults').")
  Path configFile;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Kafka cluster (default: localhost:9092, or bootstrap.servers of --set).")
  String bootstrapServers;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "A detector setting (repeatable): topic names (topic.ual.raw=...), the layout of topics"
              + " created here (topic.partitions, topic.retention), Kafka client settings"
              + " (kafka.security.protocol=SSL, ...).")
  Map<String, String> settings = new LinkedHashMap<>();

  /**
   * The settings: the defaults, then the file, the environment, {@code --set} and {@code
   * --bootstrap-servers}.
   *
   * @throws ParameterException (exit code 2) naming a bad setting
   */
  public StormwatchConfig config() {
    Map<String, String> overrides = new HashMap<>(settings);
    if (bootstrapServers != null) {
      overrides.put(StormwatchConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    try {
      return ConfigSources.load(configFile, System.getenv(), overrides);
    } catch (ConfigException bad) {
      throw new ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
  }

  /**
   * Checks detector settings before anything is started.
   *
   * @throws ParameterException (exit code 2) naming a bad setting
   */
  public static void validate(CommandSpec spec, Map<String, String> settings) {
    try {
      StormwatchConfig.from(settings);
    } catch (ConfigException bad) {
      throw new ParameterException(spec.commandLine(), "--set: " + bad.getMessage(), bad);
    }
  }

  /** Admin and consumer settings: the bootstrap servers and every {@code kafka.*} setting. */
  public static Map<String, Object> clientConfig(StormwatchConfig config) {
    Map<String, Object> client = new HashMap<>(config.kafkaOverrides());
    client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    return client;
  }
}
