package io.stormwatch.detector.config;

import java.util.Optional;

/**
 * Names of the topics Stormwatch reads and writes (see the topic contracts in README.md).
 *
 * @param ocsfAlerts the OCSF Detection Finding copy of the alerts, when a SIEM wants one
 */
public record TopicNames(
    String ualRaw,
    String signInRaw,
    String events,
    String deadLetters,
    String late,
    String alerts,
    Optional<String> ocsfAlerts) {}
