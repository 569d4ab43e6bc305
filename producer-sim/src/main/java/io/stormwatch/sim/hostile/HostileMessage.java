package io.stormwatch.sim.hostile;

import io.stormwatch.sim.RawTopic;
import java.util.Arrays;
import java.util.Objects;

/**
 * One generated raw message, as a connector would send it to a raw topic.
 *
 * @param hostileClass what was done to it
 * @param topic the raw topic it goes to
 * @param key the record key: the tenant id of the record it was made from
 * @param timestamp the Kafka timestamp, epoch milliseconds
 * @param value the bytes, possibly broken on purpose; may be empty
 * @param records how many records the message holds: 1, or the elements of a content blob
 * @param duplicates how many of them re-deliver a record already sent, so that the pipeline must
 *     drop them as duplicates
 */
public record HostileMessage(
    HostileClass hostileClass,
    RawTopic topic,
    String key,
    long timestamp,
    byte[] value,
    int records,
    int duplicates) {

  public HostileMessage {
    Objects.requireNonNull(hostileClass, "hostileClass");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HostileMessage that
        && hostileClass == that.hostileClass
        && topic == that.topic
        && key.equals(that.key)
        && timestamp == that.timestamp
        && Arrays.equals(value, that.value)
        && records == that.records
        && duplicates == that.duplicates;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        hostileClass, topic, key, timestamp, Arrays.hashCode(value), records, duplicates);
  }

  @Override
  public String toString() {
    return "HostileMessage["
        + hostileClass.code()
        + " "
        + topic
        + " "
        + key
        + " t="
        + timestamp
        + " "
        + value.length
        + " B, "
        + records
        + " records]";
  }
}
