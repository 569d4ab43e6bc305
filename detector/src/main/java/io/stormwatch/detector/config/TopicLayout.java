package io.stormwatch.detector.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How Stormwatch creates its topics when it is asked to.
 *
 * @param partitions partitions of every topic; both raw topics must have the same count so that a
 *     tenant's UAL and sign-in records meet in one task
 * @param replicationFactor replication factor, or empty for the broker's default
 * @param retention retention of every topic (raw, normalised, late, dead letters, alerts)
 */
public record TopicLayout(int partitions, Optional<Short> replicationFactor, Duration retention) {}
