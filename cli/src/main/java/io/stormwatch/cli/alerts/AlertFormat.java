package io.stormwatch.cli.alerts;

import java.util.Locale;

/** How the alerts on a topic are written. */
enum AlertFormat {
  /** Avro {@code Alert} in the Confluent wire format: the {@code topic.alerts} topic. */
  AVRO,
  /** OCSF Detection Finding JSON: the {@code topic.alerts.ocsf} topic. */
  OCSF;

  /**
   * @throws IllegalArgumentException naming the formats there are
   */
  static AlertFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a format: write avro or ocsf", e);
    }
  }
}
