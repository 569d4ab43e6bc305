package io.stormwatch.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One raw Microsoft record ready to publish.
 *
 * <p>The JSON bytes are handed over, not copied, to keep generation cheap: treat them as read-only.
 *
 * @param topic the raw topic it belongs on
 * @param tenantId the tenant id, the Kafka record key
 * @param eventTime when Microsoft says it happened; the Kafka record timestamp
 * @param json the record exactly as Microsoft emits it, UTF-8
 */
public record SimulatedRecord(RawTopic topic, String tenantId, Instant eventTime, byte[] json) {

  public SimulatedRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(json, "json");
  }

  /** The JSON as text. */
  public String jsonText() {
    return new String(json, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SimulatedRecord that
        && topic == that.topic
        && tenantId.equals(that.tenantId)
        && eventTime.equals(that.eventTime)
        && Arrays.equals(json, that.json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, tenantId, eventTime, Arrays.hashCode(json));
  }

  @Override
  public String toString() {
    return "SimulatedRecord["
        + topic
        + ", "
        + tenantId
        + ", "
        + eventTime
        + ", "
        + json.length
        + " bytes]";
  }
}
