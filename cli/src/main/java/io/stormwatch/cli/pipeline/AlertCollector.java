package io.stormwatch.cli.pipeline;

import io.stormwatch.schemas.avro.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the alerts topic in the background (read_committed, from the beginning, no consumer group),
 * hands every revision to a listener as it arrives and keeps the latest revision of each alert.
 */
public final class AlertCollector implements AutoCloseable {

  private final KafkaConsumer<String, Alert> consumer;
  private final String topic;
  private final Consumer<Alert> listener;
  private final Map<String, Alert> latestById = new LinkedHashMap<>();
  private final List<Alert> revisions = new ArrayList<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Thread thread;

  /** Reads of every partition to its end, counted; 0 until the first. */
  private final AtomicLong caughtUpReads = new AtomicLong();

  /** Looks at the partitions' ends begun so far. */
  private final AtomicLong lookStarted = new AtomicLong();

  private volatile RuntimeException failure;

  public AlertCollector(
      String bootstrapServers, String topic, Deserializer<Alert> alerts, Consumer<Alert> listener) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), alerts);
    this.topic = topic;
    this.listener = listener;
    this.thread = new Thread(this::run, "alert-collector");
    thread.setDaemon(true);
  }

  public void start() {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread.start();
  }

  private void run() {
    try {
      while (!stopping.get()) {
        var records = consumer.poll(Duration.ofMillis(100));
        synchronized (this) {
          for (ConsumerRecord<String, Alert> record : records) {
            revisions.add(record.value());
            latestById.put(record.key(), record.value());
            listener.accept(record.value());
          }
        }
        if (records.isEmpty()) {
          long look = lookStarted.incrementAndGet();
          if (atEnd()) {
            caughtUpReads.accumulateAndGet(look, Math::max);
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private boolean atEnd() {
    var assignment = consumer.assignment();
    Map<TopicPartition, Long> end = consumer.endOffsets(assignment);
    return assignment.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
  }

  /**
   * Waits until the collector has read every partition to its end, as the ends are after this call
   * begins: alerts committed before the call are then all collected.
   *
   * @return false if that did not happen within {@code timeout}
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    // Only a look at the ends that began after this call counts: its ends include every alert
    // committed before the call.
    long asked = lookStarted.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (failure != null) {
        throw failure;
      }
      if (caughtUpReads.get() > asked) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** The latest revision of every alert, in order of first appearance. */
  public synchronized List<Alert> latestRevisions() {
    return List.copyOf(latestById.values());
  }

  /** Every revision received, in arrival order. */
  public synchronized List<Alert> allRevisions() {
    return List.copyOf(revisions);
  }

  @Override
  public void close() throws InterruptedException {
    stopping.set(true);
    if (thread.getState() == Thread.State.NEW) {
      consumer.close(Duration.ofSeconds(5)); // never started: the reading thread would close it
      return;
    }
    consumer.wakeup();
    thread.join(10_000);
  }
}
