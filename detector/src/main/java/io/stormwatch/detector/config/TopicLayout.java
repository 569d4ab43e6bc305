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
 * @param maxMessageBytes the largest raw message the pipeline reads; the raw and dead-letter topics
 *     accept it, with room for its key and headers
 */
public record TopicLayout(
    int partitions, Optional<Short> replicationFactor, Duration retention, int maxMessageBytes) {

  /** Room for a message's key, headers and batch framing beside its value. */
  public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;

  /**
   * The {@code max.message.bytes} of the raw and dead-letter topics, and the {@code
   * max.request.size} of producers writing to them.
   */
  public int maxTopicMessageBytes() {
    return maxMessageBytes + RECORD_OVERHEAD_BYTES;
  }
}
