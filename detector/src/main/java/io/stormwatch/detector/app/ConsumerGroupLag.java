package io.stormwatch.detector.app;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group's committed offsets are behind the ends of some topics. With
 * exactly-once, what a Kafka Streams application has committed is also what its outputs made
 * visible, so zero lag on its source and internal topics means it has processed everything.
 */
public final class ConsumerGroupLag {

  private final Admin admin;

  public ConsumerGroupLag(Admin admin) {
    this.admin = admin;
  }

  /** Records on {@code topics} that {@code groupId} has not committed yet. */
  public long of(String groupId, Collection<String> topics)
      throws InterruptedException, ExecutionException {
    return byTopic(groupId, topics).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records on each of {@code topics} that {@code groupId} has not committed yet. */
  public Map<String, Long> byTopic(String groupId, Collection<String> topics)
      throws InterruptedException, ExecutionException {
    Map<String, Long> lag = new HashMap<>();
    for (String topic : topics) {
      lag.put(topic, 0L);
    }
    byPartition(groupId, topics)
        .forEach((partition, offsets) -> lag.merge(partition.topic(), offsets.behind(), Long::sum));
    return lag;
  }

  /** The latest offset of every partition of {@code topics}, as a {@code listOffsets} request. */
  public static Map<TopicPartition, OffsetSpec> latestOf(Admin admin, Collection<String> topics)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get()
        .forEach(
            (topic, description) ->
                description
                    .partitions()
                    .forEach(
                        p ->
                            latest.put(
                                new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
    return latest;
  }

  /** What {@code groupId} has committed of each partition of {@code topics}, and its end. */
  public Map<TopicPartition, PartitionProgress> byPartition(
      String groupId, Collection<String> topics) throws InterruptedException, ExecutionException {
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        admin
            .listOffsets(
                latestOf(admin, topics), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get();
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    ends.forEach(
        (partition, end) -> {
          OffsetAndMetadata done = committed.get(partition);
          progress.put(
              partition, new PartitionProgress(done == null ? 0 : done.offset(), end.offset()));
        });
    return progress;
  }

  /**
   * One partition's committed offset (0 before the group's first commit) and its end, as a
   * read_committed reader sees it.
   */
  public record PartitionProgress(long committed, long end) {

    /** Records not committed yet. */
    public long behind() {
      return Math.max(0, end - committed);
    }
  }
}
