package io.stormwatch.detector.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Every setting with its default and documentation, as a YAML file that {@link ConfigSources} reads
 * back: the starting point of a configuration.
 */
public final class DefaultsDocument {

  private DefaultsDocument() {}

  public static String yaml() {
    return yaml(
        "# Stormwatch configuration: every setting at its default.\n"
            + "# Load with --config FILE; any key can also be set with an environment variable\n"
            + "# (rule.token-replay.window -> STORMWATCH_RULE_TOKEN_REPLAY_WINDOW) or --set key=value.\n"
            + "# Kafka client settings go under 'kafka.' (kafka.security.protocol: SASL_SSL).\n",
        StormwatchConfig.definition(),
        StormwatchConfig.defaults().effectiveValues());
  }

  /**
   * The keys of {@code definition} with their documentation and {@code values}, after {@code
   * header} (comment lines).
   */
  public static String yaml(String header, ConfigDef definition, Map<String, String> values) {
    StringBuilder out = new StringBuilder(header);
    for (ConfigDef.ConfigKey key : definition.configKeys().values()) {
      out.append('\n');
      for (String line : wrap(key.documentation, 96)) {
        out.append("# ").append(line).append('\n');
      }
      if (key.validator != null && !key.validator.toString().isBlank()) {
        out.append("# Allowed: ").append(key.validator).append('\n');
      }
      out.append(key.name).append(": ").append(quote(values.get(key.name))).append('\n');
    }
    return out.toString();
  }

  private static String quote(String value) {
    return value.isEmpty() ? "\"\"" : "\"" + value.replace("\"", "\\\"") + "\"";
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() + word.length() + 1 > width && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
