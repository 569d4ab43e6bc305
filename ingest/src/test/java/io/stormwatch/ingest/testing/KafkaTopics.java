package io.stormwatch.ingest.testing;

import io.stormwatch.ingest.checkpoint.CheckpointTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Topics of a test's broker: created explicitly, read back committed-only to their end. */
public final class KafkaTopics {

  private KafkaTopics() {}

  /** Creates {@code topics} (name to partitions) and a compacted checkpoint topic. */
  public static void create(String bootstrap, Map<String, Integer> topics, String checkpoints)
      throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      List<NewTopic> created = new ArrayList<>();
      topics.forEach(
          (name, partitions) ->
              created.add(new NewTopic(name, Optional.of(partitions), Optional.empty())));
      admin.createTopics(created).all().get();
      List<String> names = new ArrayList<>(topics.keySet());
      if (checkpoints != null) {
        CheckpointTopic.ensureExists(admin, checkpoints, Optional.empty());
        names.add(checkpoints);
      }
      awaitServed(admin, names);
    }
  }

  /**
   * Waits until the broker serves every partition: created topics reach the broker's metadata a
   * moment after the controller has them.
   */
  public static void awaitServed(Admin admin, List<String> topics) {
    Awaitility.await()
        .atMost(Duration.ofMinutes(1))
        .ignoreExceptions()
        .until(
            () -> {
              Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
              admin
                  .describeTopics(topics)
                  .allTopicNames()
                  .get()
                  .forEach(
                      (name, description) ->
                          description
                              .partitions()
                              .forEach(
                                  p ->
                                      latest.put(
                                          new TopicPartition(name, p.partition()),
                                          OffsetSpec.latest())));
              admin.listOffsets(latest).all().get();
              return true;
            });
  }

  /** Every committed record of {@code topic}, partition by partition. */
  public static List<ConsumerRecord<String, byte[]>> readCommitted(String bootstrap, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
