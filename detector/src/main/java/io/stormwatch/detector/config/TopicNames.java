package io.stormwatch.detector.config;

/** Names of the topics Stormwatch reads and writes (see the topic contracts in README.md). */
public record TopicNames(
    String ualRaw,
    String signInRaw,
    String events,
    String deadLetters,
    String late,
    String alerts) {}
