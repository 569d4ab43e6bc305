package io.stormwatch.cli.pipeline;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when a Kafka Streams application has processed everything on its input topics: its
 * committed offsets have reached the topics' ends (with exactly-once, what is committed is also
 * what its outputs made visible). It watches offsets, it does not guess with a sleep.
 */
public final class PipelineDrain {

  private final Admin admin;
  private final String groupId;

  public PipelineDrain(Admin admin, String groupId) {
    this.admin = admin;
    this.groupId = groupId;
  }

  /** Records on {@code topics} the group has not committed yet. */
  public long lag(Collection<String> topics) throws InterruptedException, ExecutionException {
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
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        admin
            .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get();
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    long lag = 0;
    for (var end : ends.entrySet()) {
      OffsetAndMetadata done = committed.get(end.getKey());
      lag += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
    }
    return lag;
  }

  /**
   * Waits until the lag on {@code topics} is zero twice in a row (the second look catches records
   * an upstream stage of the same application wrote in the meantime).
   *
   * @param progress told the remaining lag at every look
   * @return false if the lag did not reach zero within {@code timeout}
   */
  public boolean awaitDrained(Collection<String> topics, Duration timeout, LongConsumer progress)
      throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int zeroLooks = 0;
    while (System.nanoTime() < deadline) {
      long lag = lag(topics);
      progress.accept(lag);
      zeroLooks = lag == 0 ? zeroLooks + 1 : 0;
      if (zeroLooks >= 2) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
