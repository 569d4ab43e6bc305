package io.stormwatch.sim.scenario;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.event.SimEvent;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** How many records a run delivers, per raw topic. */
final class RunTally {

  private final EnumMap<RawTopic, Long> byTopic = new EnumMap<>(RawTopic.class);

  void count(SimEvent event) {
    byTopic.merge(event.topic(), 1L, Long::sum);
  }

  long records() {
    return byTopic.values().stream().mapToLong(Long::longValue).sum();
  }

  Map<RawTopic, Long> byTopic() {
    return Collections.unmodifiableMap(new EnumMap<>(byTopic));
  }
}
