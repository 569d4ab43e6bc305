package io.stormwatch.bench.latency;

import io.stormwatch.schemas.avro.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the alerts topic as a SOC consumer would (read_committed) from given offsets, and notes for
 * every alert revision its rule, its append time (the topic is LogAppendTime by then), the moment
 * it became readable here, and the id of the raw record that caused it.
 */
final class AlertWatcher implements AutoCloseable {

  /** One alert revision as seen on the alerts topic. */
  record Observation(
      String alertId,
      int revision,
      String ruleId,
      String causingEventId,
      long appendTimeMs,
      long readAtMs) {}

  private final KafkaConsumer<String, Alert> consumer;
  private final Map<TopicPartition, Long> startOffsets;
  private final List<Observation> observations = new ArrayList<>();
  private long unmeasurable;
  private final AtomicReference<Map<TopicPartition, Long>> catchUpTarget = new AtomicReference<>();
  private final AtomicReference<CountDownLatch> caughtUp = new AtomicReference<>();
  private final Thread thread;
  private volatile RuntimeException failure;

  /**
   * @param startOffsets where to start reading each partition of the alerts topic
   */
  AlertWatcher(
      String bootstrapServers, Map<TopicPartition, Long> startOffsets, Deserializer<Alert> alerts) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A SOC consumer waiting for alerts: answer a fetch as soon as there is anything.
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), alerts);
    this.startOffsets = Map.copyOf(startOffsets);
    this.thread = new Thread(this::readUntilClosed, "bench-alert-watcher");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /**
   * Waits until every alert committed so far has been read.
   *
   * @return false if that did not happen within {@code timeout}
   */
  boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    caughtUp.set(latch);
    catchUpTarget.set(null); // the reading thread asks for the end offsets itself
    boolean done = latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    throwIfFailed();
    return done;
  }

  /** What was read so far. */
  synchronized List<Observation> observations() {
    throwIfFailed();
    return List.copyOf(observations);
  }

  /** Revisions read without a broker append time (none once the topic config has taken effect). */
  synchronized long unmeasurable() {
    return unmeasurable;
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join(10_000);
  }

  private void readUntilClosed() {
    try {
      List<TopicPartition> partitions = List.copyOf(startOffsets.keySet());
      consumer.assign(partitions);
      startOffsets.forEach(consumer::seek);
      while (true) {
        for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(100))) {
          note(record, System.currentTimeMillis());
        }
        signalIfCaughtUp(partitions);
      }
    } catch (WakeupException closing) {
      // close() was called
    } catch (RuntimeException e) {
      failure = e;
      CountDownLatch latch = caughtUp.get();
      if (latch != null) {
        latch.countDown();
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void signalIfCaughtUp(List<TopicPartition> partitions) {
    CountDownLatch latch = caughtUp.get();
    if (latch == null || latch.getCount() == 0) {
      return;
    }
    Map<TopicPartition, Long> target = catchUpTarget.get();
    if (target == null) {
      target = consumer.endOffsets(partitions); // read_committed: the last stable offsets
      catchUpTarget.set(target);
    }
    for (var end : target.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return;
      }
    }
    latch.countDown();
  }

  private synchronized void note(ConsumerRecord<String, Alert> record, long readAtMs) {
    Alert alert = record.value();
    if (alert == null || record.timestampType() != TimestampType.LOG_APPEND_TIME) {
      unmeasurable++; // appended before the topic turned LogAppendTime: no append time to use
      return;
    }
    List<String> sample = alert.getEvidence().getSampleEventIds();
    // Sample ids are in event-time order; the record that caused this revision is the latest.
    String causing = sample == null || sample.isEmpty() ? null : sample.get(sample.size() - 1);
    observations.add(
        new Observation(
            alert.getAlertId(),
            alert.getRevision(),
            alert.getRuleId(),
            causing,
            record.timestamp(),
            readAtMs));
  }

  private void throwIfFailed() {
    if (failure != null) {
      throw new IllegalStateException("reading the alerts failed: " + failure, failure);
    }
  }
}
