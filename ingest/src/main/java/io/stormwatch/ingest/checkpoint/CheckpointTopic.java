package io.stormwatch.ingest.checkpoint;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The compacted topic of checkpoints: one record per source key, the latest value wins.
 *
 * <p>It is read with {@code read_committed}, so a checkpoint is seen only once the records it
 * covers are; read it after the writer's {@code initTransactions()}, which resolves a transaction a
 * crashed predecessor left open.
 */
public final class CheckpointTopic {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration METADATA_RETRY = Duration.ofMillis(100);

  private final Map<String, Object> cluster;
  private final String topic;
  private final Duration timeout;

  /**
   * @param cluster client settings of the cluster holding the topic
   * @param topic the checkpoint topic
   * @param timeout how long reading it may take before start-up fails
   */
  public CheckpointTopic(Map<String, Object> cluster, String topic, Duration timeout) {
    this.cluster = Map.copyOf(cluster);
    this.topic = topic;
    this.timeout = timeout;
  }

  /**
   * Creates the topic if it does not exist: one partition (checkpoints are few and small),
   * compacted so that it keeps the latest position of every source forever.
   *
   * @return whether it was created
   */
  public static boolean ensureExists(Admin admin, String topic, Optional<Short> replication)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    if (existing.contains(topic)) {
      return false;
    }
    NewTopic checkpoints = new NewTopic(topic, Optional.of(1), replication);
    checkpoints.configs(
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(List.of(checkpoints)).all().get(30, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Reads every committed checkpoint whose key starts with {@code prefix}.
   *
   * @return the latest value per key; keys whose latest record is a tombstone are absent
   * @throws IllegalStateException if the topic does not exist or cannot be read within the timeout
   */
  public Map<String, byte[]> readAll(String prefix) {
    Map<String, Object> config = new HashMap<>(cluster);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    Map<String, byte[]> latest = new LinkedHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<TopicPartition> partitions = partitions(consumer, deadline);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // With read_committed the end offsets are the last stable offsets.
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read checkpoint topic " + topic + " to its end within " + timeout);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.key() == null || !record.key().startsWith(prefix)) {
            continue;
          }
          if (record.value() == null) {
            latest.remove(record.key());
          } else {
            latest.put(record.key(), record.value());
          }
        }
      }
    }
    return latest;
  }

  /**
   * The topic's partitions. A topic just created can be unknown to the broker for a moment, so an
   * empty answer is asked again until the deadline.
   */
  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, long deadline) {
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "checkpoint topic "
                + topic
                + " does not exist (create it, compacted, or let 'ingest' create it)");
      }
      try {
        TimeUnit.MILLISECONDS.sleep(METADATA_RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while looking for " + topic, e);
      }
    }
  }

  public String topic() {
    return topic;
  }
}
