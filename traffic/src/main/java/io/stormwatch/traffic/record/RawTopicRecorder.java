package io.stormwatch.traffic.record;

import io.stormwatch.traffic.replay.EventTimeRange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Captures what the raw topics hold now, or the part of it in an event-time range, into a
 * recording.
 *
 * <p>It reads committed records only, assigns every partition itself (no consumer group, no
 * committed offsets) and stops at the end offsets it found when it started, so a recording is a
 * snapshot even while producers keep writing. Raw records carry their event time as their Kafka
 * timestamp, so with a lower bound it starts each partition at the first offset of that time
 * ({@code offsetsForTimes}), and keeps only records inside the range (timestamps are not in order
 * within a partition: late deliveries).
 */
public final class RawTopicRecorder {

  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Object> consumerConfig;
  private final List<String> topics;
  private final EventTimeRange range;

  /**
   * @param bootstrapServers the cluster
   * @param clientOverrides consumer settings on top of the recorder's (security, timeouts)
   * @param topics the raw topics to capture
   * @param range the event times to keep
   */
  public RawTopicRecorder(
      String bootstrapServers,
      Map<String, Object> clientOverrides,
      List<String> topics,
      EventTimeRange range) {
    Map<String, Object> config = new HashMap<>(clientOverrides);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "stormwatch-recorder");
    this.consumerConfig = config;
    this.topics = List.copyOf(topics);
    this.range = range;
  }

  /**
   * Reads the topics up to the ends they have now and writes every message in the range.
   *
   * @param out the recording
   * @param total told once, before reading, how many offsets there are to read (transaction markers
   *     included, so slightly more than messages)
   * @param progress told the number of messages read so far, after every poll
   * @throws IOException if the recording cannot be written
   * @throws IllegalArgumentException if a topic does not exist
   */
  public RecordingReport record(RecordingWriter out, LongConsumer total, LongConsumer progress)
      throws IOException {
    long started = System.nanoTime();
    try (Consumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitionsOf(consumer);
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      seekToRangeStart(consumer, partitions, ends);
      long toRead = 0;
      for (TopicPartition partition : partitions) {
        toRead += Math.max(0, ends.get(partition) - consumer.position(partition));
      }
      total.accept(toRead);

      Map<String, Long> byTopic = new LinkedHashMap<>();
      topics.forEach(t -> byTopic.put(t, 0L));
      long outside = 0;
      long read = 0;
      List<TopicPartition> remaining = new ArrayList<>(partitions);
      while (true) {
        remaining.removeIf(p -> consumer.position(p) >= ends.get(p));
        if (remaining.isEmpty()) {
          break;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() >= ends.get(partition)) {
            continue; // written after the snapshot began
          }
          read++;
          if (range.containsMillis(record.timestamp())) {
            out.write(record.value());
            byTopic.merge(record.topic(), 1L, Long::sum);
          } else {
            outside++;
          }
        }
        progress.accept(read);
      }
      return new RecordingReport(
          byTopic,
          outside,
          out.records(),
          out.messagesAsIs(),
          out.messagesSplit(),
          out.messagesJoined(),
          out.messagesEmpty(),
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private List<TopicPartition> partitionsOf(Consumer<byte[], byte[]> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      var infos = consumer.partitionsFor(topic);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("topic " + topic + " does not exist");
      }
      infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    return partitions;
  }

  private void seekToRangeStart(
      Consumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> ends) {
    if (range.from() == null) {
      consumer.seekToBeginning(partitions);
      return;
    }
    Map<TopicPartition, Long> from = new HashMap<>();
    partitions.forEach(p -> from.put(p, range.from().toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(from);
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp offset = offsets.get(partition);
      // No record at or after the start: nothing of this partition is in the range.
      consumer.seek(partition, offset == null ? ends.get(partition) : offset.offset());
    }
  }
}
