package io.stormwatch.detector.app;

import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * The detector's health as an orchestrator asks for it: alive unless Kafka Streams has failed or
 * stopped, ready only while it processes, which excludes rebalancing and restoring state.
 *
 * @param state the Kafka Streams client's state
 * @param partitionsRestoring changelog partitions being restored now
 */
public record DetectorHealth(State state, int partitionsRestoring) {

  private static final Set<State> DEAD =
      EnumSet.of(State.PENDING_ERROR, State.ERROR, State.NOT_RUNNING);

  /** Whether the process is worth keeping: starting, rebalancing, running or shutting down. */
  public boolean live() {
    return !DEAD.contains(state);
  }

  /** Whether the detector is processing its partitions with all their state in place. */
  public boolean ready() {
    return state == State.RUNNING && partitionsRestoring == 0;
  }
}
