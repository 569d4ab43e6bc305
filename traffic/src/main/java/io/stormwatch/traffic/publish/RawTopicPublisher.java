package io.stormwatch.traffic.publish;

import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.SimulatedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes simulated or replayed records to the raw topics: key = tenant id (so a tenant's records
 * stay in order on one partition), value = Microsoft's JSON bytes, record timestamp = event time
 * (so downstream event-time processing and retention see the recorded clock, not the wall clock).
 * Records that cannot go to a raw topic go to the dead-letter topic with the reason in headers.
 *
 * <p>Sends are asynchronous. The first failure is remembered: later {@link #send} calls, {@link
 * #flush()} and {@link #close()} throw {@link PublishException} with it as the cause, so no failure
 * goes unnoticed. Not thread-safe for concurrent senders; callbacks may run on the producer's I/O
 * thread.
 */
public final class RawTopicPublisher implements AutoCloseable {

  /** How long {@link #close()} waits for in-flight records. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<String, byte[]> producer;
  private final RawTopicNames topics;
  private final LongConsumer progress;
  private final long progressEvery;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

  /**
   * Wraps an existing producer; the publisher owns it and closes it.
   *
   * @param producer the producer to send with
   * @param topics topic names for the raw topics
   * @param progress told the number of acknowledged records every {@code progressEvery}
   *     acknowledgements and on flush; may run on the producer's I/O thread
   * @param progressEvery acknowledgements between progress reports, at least 1
   * @throws IllegalArgumentException if progressEvery is less than 1
   */
  public RawTopicPublisher(
      Producer<String, byte[]> producer,
      RawTopicNames topics,
      LongConsumer progress,
      long progressEvery) {
    if (progressEvery < 1) {
      throw new IllegalArgumentException("progressEvery must be at least 1, was " + progressEvery);
    }
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topics = Objects.requireNonNull(topics, "topics");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.progressEvery = progressEvery;
  }

  /**
   * A publisher with its own {@link KafkaProducer}.
   *
   * @param bootstrapServers the cluster to publish to
   * @param topics topic names for the raw topics
   * @param overrides producer settings that replace the defaults of {@link #producerConfig}
   * @param progress see {@link #RawTopicPublisher(Producer, RawTopicNames, LongConsumer, long)}
   * @param progressEvery see {@link #RawTopicPublisher(Producer, RawTopicNames, LongConsumer,
   *     long)}
   */
  public static RawTopicPublisher connect(
      String bootstrapServers,
      RawTopicNames topics,
      Map<String, Object> overrides,
      LongConsumer progress,
      long progressEvery) {
    Map<String, Object> config = producerConfig(bootstrapServers);
    config.putAll(overrides);
    return new RawTopicPublisher(
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
        topics,
        progress,
        progressEvery);
  }

  /**
   * Producer settings for bulk, loss-free publishing: every in-sync replica acknowledges, retries
   * cannot duplicate or reorder (idempotence), batches of up to 256 KB wait up to 10 ms to fill and
   * are compressed with lz4 (raw JSON compresses well).
   */
  public static Map<String, Object> producerConfig(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "stormwatch-producer-sim");
    return config;
  }

  /**
   * Sends one simulated record asynchronously.
   *
   * @throws PublishException if an earlier record already failed
   */
  public void send(SimulatedRecord record) {
    send(record.topic(), record.tenantId(), record.eventTime(), record.json());
  }

  /**
   * Sends one raw record asynchronously to its raw topic.
   *
   * @param topic the raw topic it belongs on
   * @param tenantId the record key; null for a record without a tenant (the normaliser dead-letters
   *     it)
   * @param timestamp the Kafka record timestamp: the event time, not before 1970
   * @param json the record's bytes, sent as they are
   * @throws PublishException if an earlier record already failed
   */
  public void send(RawTopic topic, String tenantId, Instant timestamp, byte[] json) {
    publish(
        new ProducerRecord<>(topics.nameOf(topic), null, timestamp.toEpochMilli(), tenantId, json));
  }

  /**
   * Sends a record that cannot go to a raw topic to the dead-letter topic, with the same headers
   * the normaliser writes: why it was refused, and where it came from.
   *
   * @param deadLetterTopic the pipeline's dead-letter topic
   * @param rejected the record and the reason
   * @throws PublishException if an earlier record already failed
   */
  public void sendRejected(String deadLetterTopic, RejectedRecord rejected) {
    RecordHeaders headers = new RecordHeaders();
    // Not from a topic: the origin (file and line) stands where a topic would, without offsets.
    DeadLetterHeaders.write(
        headers, rejected.errorType(), rejected.reason(), rejected.origin(), -1, -1L);
    publish(
        new ProducerRecord<>(
            deadLetterTopic,
            null,
            rejected.timestamp().toEpochMilli(),
            rejected.tenantId(),
            rejected.value(),
            headers));
  }

  private void publish(ProducerRecord<String, byte[]> message) {
    throwIfFailed();
    sent.incrementAndGet();
    producer.send(message, this::onCompletion);
  }

  /**
   * Waits until every record sent so far is acknowledged or failed.
   *
   * @throws PublishException if any record failed
   */
  public void flush() {
    producer.flush();
    progress.accept(acknowledged.get());
    throwIfFailed();
  }

  /** Records handed to {@link #send}. */
  public long sent() {
    return sent.get();
  }

  /** Records the cluster acknowledged. */
  public long acknowledged() {
    return acknowledged.get();
  }

  /**
   * Flushes, then closes the producer.
   *
   * @throws PublishException if any record failed
   */
  @Override
  public void close() {
    try {
      flush();
    } finally {
      producer.close(CLOSE_TIMEOUT);
    }
  }

  private void onCompletion(RecordMetadata metadata, Exception failure) {
    if (failure != null) {
      firstFailure.compareAndSet(null, failure);
      return;
    }
    long count = acknowledged.incrementAndGet();
    if (count % progressEvery == 0) {
      progress.accept(count);
    }
  }

  private void throwIfFailed() {
    Exception failure = firstFailure.get();
    if (failure != null) {
      throw new PublishException(
          "publishing raw records failed ("
              + acknowledged.get()
              + " of "
              + sent.get()
              + " acknowledged)",
          failure);
    }
  }
}
