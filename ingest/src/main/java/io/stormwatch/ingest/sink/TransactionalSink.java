package io.stormwatch.ingest.sink;

import io.stormwatch.ingest.sink.SplitRecord.Accepted;
import io.stormwatch.ingest.sink.SplitRecord.Rejected;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records, dead letters and checkpoints in Kafka transactions: what a unit of work read and
 * how far it got become visible together to {@code read_committed} consumers, or not at all.
 *
 * <p>A sink's transactional id names the ingestion. Starting a second sink with the same id fences
 * the first (its next write fails with {@link ProducerFencedException}), so two copies of one
 * ingestion never write side by side, and {@link #initTransactions()} aborts whatever transaction a
 * crashed predecessor left open. Not thread-safe.
 */
public final class TransactionalSink implements AutoCloseable {

  /** Largest record value sent; a larger record would fail the whole transaction. */
  public static final int MAX_RECORD_BYTES = 1_000_000;

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<String, byte[]> producer;
  private final IngestTopics topics;
  private boolean inTransaction;

  /** Wraps a transactional producer; the sink owns it and closes it. */
  public TransactionalSink(Producer<String, byte[]> producer, IngestTopics topics) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topics = Objects.requireNonNull(topics, "topics");
  }

  /**
   * A sink with its own producer.
   *
   * @param cluster client settings of the cluster written to (bootstrap servers, security)
   * @param transactionalId names the ingestion; one running copy per id
   */
  public static TransactionalSink connect(
      Map<String, Object> cluster, String transactionalId, IngestTopics topics) {
    return new TransactionalSink(
        new KafkaProducer<>(
            producerConfig(cluster, transactionalId),
            new StringSerializer(),
            new ByteArraySerializer()),
        topics);
  }

  /**
   * Producer settings for transactional writes of raw JSON: every in-sync replica acknowledges,
   * idempotent, lz4 compressed. Settings in {@code cluster} win, except the transactional id.
   */
  public static Map<String, Object> producerConfig(
      Map<String, Object> cluster, String transactionalId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
    config.putAll(cluster);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    return config;
  }

  public IngestTopics topics() {
    return topics;
  }

  /** Registers the transactional id, fencing older copies and aborting what they left open. */
  public void initTransactions() {
    producer.initTransactions();
  }

  public void begin() {
    producer.beginTransaction();
    inTransaction = true;
  }

  /** Sends a record to the raw topic: key tenant, timestamp event time, value the bytes. */
  public void raw(Accepted record) {
    producer.send(
        new ProducerRecord<>(
            topics.raw(),
            null,
            record.eventTime().toEpochMilli(),
            record.tenantId(),
            record.json()));
  }

  /** Sends a record to the dead-letter topic with the reason and its origin in headers. */
  public void deadLetter(String key, long timestamp, Rejected record, Provenance from) {
    RecordHeaders headers = new RecordHeaders();
    DeadLetterHeaders.write(
        headers,
        record.errorType(),
        record.reason(),
        from.source(),
        from.partition(),
        from.offset());
    producer.send(
        new ProducerRecord<>(topics.deadLetters(), null, timestamp, key, record.json(), headers));
  }

  /** Records how far a source has been read; the latest value per key is the position. */
  public void checkpoint(String key, byte[] value) {
    producer.send(new ProducerRecord<>(topics.checkpoints(), key, value));
  }

  /**
   * Runs {@code sends} in one transaction and commits it.
   *
   * @throws KafkaException if a send or the commit failed; the transaction is aborted when it can
   *     be, and {@link #isFatal} says whether the sink may go on
   */
  public void inTransaction(Runnable sends) {
    begin();
    try {
      sends.run();
    } catch (KafkaException e) {
      abortQuietly(e);
      throw e;
    } catch (RuntimeException e) {
      try {
        abort();
      } catch (KafkaException abortFailed) {
        e.addSuppressed(abortFailed);
      }
      throw e;
    }
    commit();
  }

  /**
   * Commits the transaction: every record sent since {@link #begin()} becomes visible.
   *
   * @throws KafkaException if a send or the commit failed; the transaction is then aborted when it
   *     can be, and {@link #isFatal} says whether the sink may go on
   */
  public void commit() {
    try {
      producer.commitTransaction();
      inTransaction = false;
    } catch (KafkaException e) {
      abortQuietly(e);
      throw e;
    }
  }

  /** Aborts the open transaction, if any. */
  public void abort() {
    if (inTransaction) {
      inTransaction = false;
      producer.abortTransaction();
    }
  }

  /**
   * Whether a failure ends this sink: fenced by a newer copy of the ingestion, refused, or a
   * producer state only a new producer can leave.
   */
  public static boolean isFatal(KafkaException e) {
    return e instanceof ProducerFencedException
        || e instanceof OutOfOrderSequenceException
        || e instanceof AuthorizationException
        || e instanceof UnsupportedVersionException;
  }

  private void abortQuietly(KafkaException cause) {
    if (isFatal(cause)) {
      inTransaction = false;
      return;
    }
    try {
      abort();
    } catch (KafkaException abortFailed) {
      cause.addSuppressed(abortFailed);
    }
  }

  /** Closes the producer; an open transaction is aborted by the producer as it closes. */
  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }
}
