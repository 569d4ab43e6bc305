package io.stormwatch.traffic.record;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a recording captured.
 *
 * @param messagesByTopic messages read per topic, inside the event-time range, in topic order
 * @param outsideRange messages read but outside the event-time range
 * @param records records written, one per line
 * @param asIs messages written byte for byte
 * @param split messages holding several records, written one record per line
 * @param joined messages spread over several lines, written on one
 * @param empty empty messages, not written
 * @param took wall time taken
 */
public record RecordingReport(
    Map<String, Long> messagesByTopic,
    long outsideRange,
    long records,
    long asIs,
    long split,
    long joined,
    long empty,
    Duration took) {

  public RecordingReport {
    messagesByTopic = Collections.unmodifiableMap(new LinkedHashMap<>(messagesByTopic));
  }

  /** Messages captured inside the range, over all topics. */
  public long messages() {
    return messagesByTopic.values().stream().mapToLong(Long::longValue).sum();
  }
}
