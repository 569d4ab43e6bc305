package io.stormwatch.bench.throughput;

import io.stormwatch.bench.ProgressListener.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The physical limit: plain consumers, as many as the stream threads, read every partition of the
 * raw topics from the beginning to the end, deserializing keys and values as {@code byte[]} and
 * doing nothing else with them. Partitions are dealt out round-robin, like Kafka Streams' tasks.
 */
public final class RawReadPhase {

  static final String NAME = "raw read";

  private final String bootstrapServers;

  public RawReadPhase(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Reads {@code topics} to their current end with {@code consumers} consumers in parallel.
   *
   * @throws IllegalStateException if a consumer fails
   */
  public ThroughputFigures run(Collection<String> topics, int consumers, Progress progress)
      throws InterruptedException {
    List<TopicPartition> partitions = partitionsOf(topics);
    List<List<TopicPartition>> shares = deal(partitions, consumers);
    AtomicLong read = new AtomicLong();
    DoubleAdder consumerCpu = new DoubleAdder();
    ExecutorService pool = Executors.newFixedThreadPool(shares.size());
    try {
      PhaseClock clock = PhaseClock.start();
      List<Future<Long>> results = new ArrayList<>();
      for (List<TopicPartition> share : shares) {
        results.add(pool.submit(() -> readToEnd(share, read, consumerCpu)));
      }
      long records = 0;
      for (Future<Long> result : results) {
        while (!result.isDone()) {
          progress.update(read.get());
          Thread.sleep(100);
        }
        records += result.get();
      }
      double seconds = clock.wallSeconds();
      double cpu = clock.cpuSeconds();
      progress.update(records);
      progress.finish();
      return new ThroughputFigures(
          NAME,
          consumers + " plain consumer(s), byte[] values, read_committed, to the end",
          records,
          seconds,
          cpu,
          consumerCpu.sum(),
          0,
          Map.of());
    } catch (ExecutionException e) {
      throw new IllegalStateException("the raw read failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Splits partitions over at most {@code consumers} consumers, round-robin. */
  static <T> List<List<T>> deal(List<T> items, int consumers) {
    int n = Math.max(1, Math.min(consumers, items.size()));
    List<List<T>> shares = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      shares.add(new ArrayList<>());
    }
    for (int i = 0; i < items.size(); i++) {
      shares.get(i % n).add(items.get(i));
    }
    return shares;
  }

  private long readToEnd(List<TopicPartition> share, AtomicLong read, DoubleAdder cpu) {
    double cpuAtStart = ThreadCpu.secondsOfCurrentThread();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      consumer.assign(share);
      consumer.seekToBeginning(share);
      Map<TopicPartition, Long> ends = consumer.endOffsets(share);
      long records = 0;
      while (!reachedEnd(consumer, share, ends)) {
        // poll() has already decompressed the batches and copied every key and value out.
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
        records += batch.count();
        read.addAndGet(batch.count());
      }
      // The classic consumer fetches and decompresses on the polling thread: this is all of it.
      cpu.add(ThreadCpu.secondsOfCurrentThread() - cpuAtStart);
      return records;
    }
  }

  private static boolean reachedEnd(
      KafkaConsumer<?, ?> consumer, List<TopicPartition> share, Map<TopicPartition, Long> ends) {
    for (TopicPartition partition : share) {
      if (consumer.position(partition) < ends.get(partition)) {
        return false;
      }
    }
    return true;
  }

  private List<TopicPartition> partitionsOf(Collection<String> topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      for (String topic : topics) {
        consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
            .forEach(partitions::add);
      }
    }
    return partitions;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // What Kafka Streams reads with under exactly_once_v2.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    // Kafka Streams' own default for its consumers.
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
