package io.stormwatch.bench.latency;

/**
 * The latency of one rule's alert revisions.
 *
 * @param ruleId the rule, as in {@code Alert.ruleId}
 * @param appendToAppend from the causing raw record's append to the revision's append
 * @param appendToReadable from the causing raw record's append to the revision being readable by a
 *     read_committed consumer
 */
public record RuleLatency(
    String ruleId, LatencySummary appendToAppend, LatencySummary appendToReadable) {}
