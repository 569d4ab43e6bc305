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
    StringBuilder out = new StringBuilder();
    out.append("# Stormwatch configuration: every setting at its default.\n")
        .append("# Load with --config FILE; any key can also be set with an environment variable\n")
        .append(
            "# (rule.token-replay.window -> STORMWATCH_RULE_TOKEN_REPLAY_WINDOW) or --set key=value.\n")
        .append("# Kafka client settings go under 'kafka.' (kafka.security.protocol: SASL_SSL).\n");
    Map<String, String> values = StormwatchConfig.defaults().effectiveValues();
    for (ConfigDef.ConfigKey key : StormwatchConfig.definition().configKeys().values()) {
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
