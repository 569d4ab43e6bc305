package io.stormwatch.cli.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the committed records of a topic from its beginning to its end as of the call, without a
 * consumer group. Counting by offsets alone would overcount: exactly-once writers leave transaction
 * markers that take offsets but are not records.
 */
public final class CommittedTopicReader {

  private final Map<String, Object> clientConfig;

  /**
   * @param clientConfig Kafka client settings: bootstrap servers, security
   */
  public CommittedTopicReader(Map<String, Object> clientConfig) {
    this.clientConfig = Map.copyOf(clientConfig);
  }

  public static CommittedTopicReader at(String bootstrapServers) {
    return new CommittedTopicReader(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** Hands every committed record of {@code topic} to {@code each}; returns how many there were. */
  public long readToEnd(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Map<String, Object> config = new LinkedHashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long count = 0;
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          each.accept(record);
          count++;
        }
      }
      return count;
    }
  }

  /** How many committed records {@code topic} holds. */
  public long count(String topic) {
    return readToEnd(topic, record -> {});
  }
}
