package io.stormwatch.detector.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where settings come from, lowest precedence first: the defaults, a YAML file, the environment
 * ({@code STORMWATCH_RULE_TOKEN_REPLAY_WINDOW=3h}, {@code STORMWATCH_KAFKA_SECURITY_PROTOCOL=SSL}),
 * then {@code key=value} overrides from the command line.
 */
public final class ConfigSources {

  public static final String ENV_PREFIX = "STORMWATCH_";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigSources() {}

  /**
   * Loads and validates the configuration.
   *
   * @throws ConfigException naming the key (and the file) when a value is invalid
   */
  public static StormwatchConfig load(
      Path yamlFile, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, Object> settings = new LinkedHashMap<>();
    if (yamlFile != null) {
      settings.putAll(fromYaml(yamlFile));
    }
    settings.putAll(fromEnvironment(environment));
    settings.putAll(overrides);
    return StormwatchConfig.from(settings);
  }

  /**
   * Flattens a YAML document into dotted keys: nested maps join their keys with dots, lists become
   * comma-separated values.
   *
   * @throws ConfigException if the file cannot be read or is not a YAML map
   */
  public static Map<String, Object> fromYaml(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw notYaml(file, e);
    } catch (IOException e) {
      throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
    }
    Map<String, Object> flat = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return flat;
    }
    if (!root.isObject()) {
      throw new ConfigException("Configuration file " + file + " must hold a map of settings");
    }
    flatten("", root, flat);
    return flat;
  }

  /**
   * Says where and what is wrong, but not the parser's message: it quotes the offending line, which
   * may hold a password.
   */
  private static ConfigException notYaml(Path file, JsonProcessingException e) {
    StringBuilder message = new StringBuilder("Configuration file " + file + " is not valid YAML");
    JsonLocation where = e.getLocation();
    if (where != null && where.getLineNr() > 0) {
      message.append(" at line ").append(where.getLineNr());
      message.append(", column ").append(where.getColumnNr());
    }
    if (e.getCause() instanceof MarkedYAMLException yaml) {
      if (yaml.getContext() != null) {
        message.append(": ").append(yaml.getContext());
      }
      message.append(": ").append(yaml.getProblem());
    }
    return new ConfigException(message.toString());
  }

  /** Settings from environment variables named after keys, e.g. {@code STORMWATCH_EVENTS_GRACE}. */
  public static Map<String, Object> fromEnvironment(Map<String, String> environment) {
    Map<String, String> keyByVariable = new LinkedHashMap<>();
    for (String key : StormwatchConfig.definition().names()) {
      keyByVariable.put(variableOf(key), key);
    }
    String kafkaPrefix = ENV_PREFIX + "KAFKA_";
    Map<String, Object> settings = new LinkedHashMap<>();
    environment.forEach(
        (variable, value) -> {
          String key = keyByVariable.get(variable);
          if (key != null) {
            settings.put(key, value);
          } else if (variable.startsWith(kafkaPrefix)) {
            // Kafka client settings are dotted lower-case words: SECURITY_PROTOCOL ->
            // security.protocol
            String clientKey =
                variable.substring(kafkaPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            settings.put(StormwatchConfig.KAFKA_PREFIX + clientKey, value);
          }
        });
    return settings;
  }

  /** The environment variable that sets {@code key}. */
  public static String variableOf(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static void flatten(String prefix, JsonNode node, Map<String, Object> flat) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field ->
                  flatten(
                      prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
                      field.getValue(),
                      flat));
    } else if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(item.asText()));
      flat.put(prefix, String.join(",", items));
    } else if (!node.isNull()) {
      flat.put(prefix, node.asText());
    }
  }
}
