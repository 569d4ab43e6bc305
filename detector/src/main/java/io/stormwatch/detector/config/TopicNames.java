package io.stormwatch.detector.config;

import java.util.Optional;

/**
 * Names of the topics Stormwatch reads and writes (see the topic contracts in README.md).
 *
 * @param ocsfAlerts the OCSF Detection Finding copy of the alerts, when a SIEM wants one
 * @param eventsWritten whether the normalised events are written to {@code events}; false in an
 *     alerts-only deployment, which neither writes nor creates that topic
 */
public record TopicNames(
    String ualRaw,
    String signInRaw,
    String events,
    String deadLetters,
    String late,
    String alerts,
    Optional<String> ocsfAlerts,
    boolean eventsWritten) {

  /** Topics of a deployment that writes the normalised events. */
  public TopicNames(
      String ualRaw,
      String signInRaw,
      String events,
      String deadLetters,
      String late,
      String alerts,
      Optional<String> ocsfAlerts) {
    this(ualRaw, signInRaw, events, deadLetters, late, alerts, ocsfAlerts, true);
  }
}
