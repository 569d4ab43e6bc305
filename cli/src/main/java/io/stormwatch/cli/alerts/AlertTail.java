package io.stormwatch.cli.alerts;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the committed records of an alerts topic, without a consumer group (it commits nothing and
 * leaves no trace on the cluster): to the end as of the start, or on until stopped.
 */
public final class AlertTail implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private List<TopicPartition> partitions = List.of();

  /**
   * @param clientConfig Kafka client settings: bootstrap servers, security
   */
  public AlertTail(Map<String, Object> clientConfig, String topic) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    // Only what the detector committed: an aborted transaction's alerts never happened.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
  }

  /**
   * Places the reader at the beginning of every partition, or at its end when {@code fromNow}: an
   * alert committed after this returns is read.
   *
   * @return false if the topic does not exist
   */
  public boolean seek(boolean fromNow) {
    partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    if (partitions.isEmpty()) {
      return false;
    }
    consumer.assign(partitions);
    if (fromNow) {
      consumer.seekToEnd(partitions);
    } else {
      consumer.seekToBeginning(partitions);
    }
    // Seeks are lazy; resolve them now, so that "now" is the time of this call.
    partitions.forEach(consumer::position);
    return true;
  }

  /**
   * Hands every record to {@code each}, in order within a partition, until the end of the topic as
   * of this call, or, when {@code follow}, until {@link #stop()} or an interrupt of this thread.
   */
  public void run(boolean follow, Consumer<ConsumerRecord<String, byte[]>> each) {
    Map<TopicPartition, Long> ends = follow ? Map.of() : consumer.endOffsets(partitions);
    try {
      while (!stopping.get() && (follow || !atEnd(ends))) {
        consumer.poll(POLL).forEach(each);
      }
    } catch (WakeupException | InterruptException stopped) {
      // Asked to stop. The interrupt is cleared (InterruptException sets it again): it would make
      // close() fail before it frees the consumer, and stopping is all it asks of a reader.
      Thread.interrupted();
    }
  }

  private boolean atEnd(Map<TopicPartition, Long> ends) {
    // Positions, not counts: transaction markers take offsets but are no records.
    return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
  }

  /** Ends {@link #run} from another thread (Ctrl-C). */
  public void stop() {
    stopping.set(true);
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
