package io.stormwatch.bench.throughput;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts what a phase appends to Kafka: the end offsets of every topic but the raw inputs and the
 * broker's own, before and after. Outputs, changelogs and repartition topics alike; transaction
 * markers take an offset too, and are counted, since the broker writes them as well.
 *
 * <p>What an application writes per input record is most of what it costs the broker, so the figure
 * shows how much of a phase's CPU its design commits it to, whatever its code does.
 */
public final class TopicAppends {

  private final Admin admin;
  private final Set<String> excluded;

  /** Counts appends to every topic except {@code excluded} and the broker's internal topics. */
  public TopicAppends(Admin admin, Collection<String> excluded) {
    this.admin = admin;
    this.excluded = Set.copyOf(excluded);
  }

  /** The end offset of every counted partition now. */
  public Map<TopicPartition, Long> snapshot() throws ExecutionException, InterruptedException {
    Set<String> topics = admin.listTopics().names().get();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
      if (topic.isInternal() || excluded.contains(topic.name())) {
        continue;
      }
      topic
          .partitions()
          .forEach(
              p ->
                  latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  /**
   * Offsets appended since {@code before}, by topic; a partition created since counts from zero.
   * Topics nothing was appended to are left out.
   */
  public Map<String, Long> since(Map<TopicPartition, Long> before)
      throws ExecutionException, InterruptedException {
    return appendedBetween(before, snapshot());
  }

  static Map<String, Long> appendedBetween(
      Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
    Map<String, Long> appended = new TreeMap<>();
    for (Map.Entry<TopicPartition, Long> end : after.entrySet()) {
      long grown = end.getValue() - before.getOrDefault(end.getKey(), 0L);
      if (grown > 0) {
        appended.merge(end.getKey().topic(), grown, Long::sum);
      }
    }
    return appended;
  }
}
