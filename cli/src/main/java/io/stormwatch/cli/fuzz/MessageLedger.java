package io.stormwatch.cli.fuzz;

import io.stormwatch.sim.hostile.HostileClass;
import io.stormwatch.sim.hostile.HostileMessage;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was published, per {@link HostileClass}: messages, the records they hold, the duplicates
 * among them, and where each message landed, so that a dead letter (whose headers name its source
 * partition and offset) can be traced back to its class.
 */
final class MessageLedger {

  /** Counts of one class. */
  record Sent(long messages, long records, long duplicates) {
    Sent plus(HostileMessage message) {
      return new Sent(messages + 1, records + message.records(), duplicates + message.duplicates());
    }
  }

  private final Map<HostileClass, Sent> sent = new EnumMap<>(HostileClass.class);
  private final Map<String, HostileClass> byOffset = new ConcurrentHashMap<>();

  synchronized void sent(HostileMessage message) {
    sent.merge(message.hostileClass(), new Sent(0, 0, 0).plus(message), (a, b) -> a.plus(message));
  }

  /** Called from the producer's thread once the broker has placed the message. */
  void landed(String topic, int partition, long offset, HostileClass hostileClass) {
    byOffset.put(key(topic, partition, offset), hostileClass);
  }

  /** The class of the message at that place, or null. */
  HostileClass classAt(String topic, int partition, long offset) {
    return byOffset.get(key(topic, partition, offset));
  }

  synchronized Map<HostileClass, Sent> sent() {
    return new EnumMap<>(sent);
  }

  synchronized long messages() {
    return sent.values().stream().mapToLong(Sent::messages).sum();
  }

  private static String key(String topic, int partition, long offset) {
    return topic + "/" + partition + "/" + offset;
  }
}
