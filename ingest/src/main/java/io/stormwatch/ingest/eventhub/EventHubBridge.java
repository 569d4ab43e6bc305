package io.stormwatch.ingest.eventhub;

import io.stormwatch.ingest.checkpoint.CheckpointTopic;
import io.stormwatch.ingest.http.StopSignal;
import io.stormwatch.ingest.sink.IngestTopics;
import io.stormwatch.ingest.sink.Provenance;
import io.stormwatch.ingest.sink.SplitRecord;
import io.stormwatch.ingest.sink.SplitRecord.Accepted;
import io.stormwatch.ingest.sink.SplitRecord.Ignored;
import io.stormwatch.ingest.sink.SplitRecord.Rejected;
import io.stormwatch.ingest.sink.TransactionalSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries Entra ID sign-in records from an Event Hub to the sign-in raw topic, exactly once.
 *
 * <p>The bridge reads every partition of the hub itself (no consumer-group rebalancing; one running
 * copy per hub, which the transactional id enforces). Each batch polled is written in one
 * transaction together with, per partition, the offset to read next, to a compacted checkpoint
 * topic in Stormwatch's cluster; on start the bridge seeks to those offsets. A crash inside a batch
 * leaves its transaction open, the next start aborts it, and the batch is read again: no record is
 * lost or written twice for {@code read_committed} consumers. Nothing is committed to the Event
 * Hubs consumer group.
 *
 * <p>One thread runs the bridge; {@link #stop()} may be called from any thread.
 */
public final class EventHubBridge implements AutoCloseable {

  /** Checkpoint keys are {@code eventhub/<namespace>/<hub>/<partition>}. */
  public static final String CHECKPOINT_PREFIX = "eventhub/";

  private static final Logger log = LoggerFactory.getLogger(EventHubBridge.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);

  private final EventHubSettings settings;
  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> source;
  private final TransactionalSink sink;
  private final CheckpointTopic checkpoints;
  private final DiagnosticRecords splitter;
  private final StopSignal stop;

  /** The next offset of every partition, as last committed. */
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  public EventHubBridge(
      EventHubSettings settings,
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> source,
      TransactionalSink sink,
      CheckpointTopic checkpoints,
      StopSignal stop) {
    this.settings = settings;
    this.source = source;
    this.sink = sink;
    this.checkpoints = checkpoints;
    this.splitter = new DiagnosticRecords(settings.categories());
    this.stop = stop;
  }

  /**
   * A bridge from the Event Hub {@code settings} name to Stormwatch's cluster.
   *
   * @param cluster client settings of Stormwatch's cluster
   * @param transactionalId names this bridge; one running copy per id
   * @param checkpointTimeout how long reading the checkpoints at start may take
   */
  public static EventHubBridge connect(
      EventHubSettings settings,
      Map<String, Object> cluster,
      IngestTopics topics,
      String transactionalId,
      Duration checkpointTimeout,
      StopSignal stop) {
    TransactionalSink sink = TransactionalSink.connect(cluster, transactionalId, topics);
    try {
      return new EventHubBridge(
          settings,
          new KafkaConsumer<>(
              sourceConsumerConfig(settings, transactionalId),
              new ByteArrayDeserializer(),
              new ByteArrayDeserializer()),
          sink,
          new CheckpointTopic(cluster, topics.checkpoints(), checkpointTimeout),
          stop);
    } catch (KafkaException e) {
      sink.close();
      throw e;
    }
  }

  /**
   * The source consumer's settings: the Event Hubs endpoint's, the hub's consumer group, no offset
   * commits (positions live in the checkpoint topic).
   */
  public static Map<String, Object> sourceConsumerConfig(
      EventHubSettings settings, String transactionalId) {
    Map<String, Object> consumer = new HashMap<>(settings.consumerSettings());
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A checkpoint older than the hub's retention resumes at the oldest event still there.
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, transactionalId + "-source");
    return consumer;
  }

  /**
   * Takes over: fences an older copy of this bridge (aborting what it left open), reads the
   * committed offsets and positions the source on every partition.
   *
   * @return the number of partitions that resume from a checkpoint
   * @throws IllegalStateException if the hub does not exist on the source
   */
  public int start() {
    sink.initTransactions();
    Map<String, byte[]> stored = checkpoints.readAll(checkpointPrefix());
    List<PartitionInfo> infos = source.partitionsFor(settings.hub(), METADATA_TIMEOUT);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException(
          "event hub " + settings.hub() + " does not exist on " + settings.bootstrapServers());
    }
    List<TopicPartition> partitions =
        infos.stream().map(p -> new TopicPartition(settings.hub(), p.partition())).toList();
    source.assign(partitions);
    int resumed = 0;
    for (TopicPartition partition : partitions) {
      byte[] next = stored.get(checkpointKey(partition));
      if (next != null) {
        long offset = Long.parseLong(new String(next, StandardCharsets.UTF_8).trim());
        source.seek(partition, offset);
        committed.put(partition, offset);
        resumed++;
      } else if (settings.startAtEarliest()) {
        source.seekToBeginning(List.of(partition));
      } else {
        source.seekToEnd(List.of(partition));
      }
    }
    return resumed;
  }

  /**
   * Polls once and commits what came.
   *
   * @throws KafkaException if the sink cannot go on (fenced by a newer copy of this bridge)
   */
  public BatchReport pollOnce() {
    ConsumerRecords<byte[], byte[]> events;
    try {
      events = source.poll(POLL);
    } catch (WakeupException e) {
      return BatchReport.NONE;
    }
    if (events.isEmpty()) {
      return BatchReport.NONE;
    }
    long[] counts = new long[3];
    try {
      sink.inTransaction(
          () -> {
            counts[0] = counts[1] = counts[2] = 0;
            for (ConsumerRecord<byte[], byte[]> event : events) {
              write(event, counts);
            }
            for (TopicPartition partition : events.partitions()) {
              List<ConsumerRecord<byte[], byte[]>> batch = events.records(partition);
              long next = batch.get(batch.size() - 1).offset() + 1;
              sink.checkpoint(
                  checkpointKey(partition), Long.toString(next).getBytes(StandardCharsets.UTF_8));
            }
          });
    } catch (KafkaException e) {
      if (TransactionalSink.isFatal(e)) {
        throw e;
      }
      log.warn("Writing a batch of {} events failed; reading it again", events.count(), e);
      rewind(events);
      return BatchReport.NONE;
    }
    for (TopicPartition partition : events.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> batch = events.records(partition);
      committed.put(partition, batch.get(batch.size() - 1).offset() + 1);
    }
    return new BatchReport(events.count(), counts[0], counts[1], counts[2]);
  }

  /** Runs until {@link #stop()}; hands each committed batch's report to {@code onBatch}. */
  public void run(Consumer<BatchReport> onBatch) {
    while (!stop.isStopped()) {
      BatchReport report = pollOnce();
      if (report.events() > 0) {
        onBatch.accept(report);
      }
    }
  }

  /**
   * Runs until every partition has been read up to where it ended when this was called.
   *
   * @return what was committed
   */
  public BatchReport runToEnd() {
    Map<TopicPartition, Long> ends = source.endOffsets(source.assignment(), METADATA_TIMEOUT);
    BatchReport total = BatchReport.NONE;
    while (!stop.isStopped()
        && ends.entrySet().stream().anyMatch(e -> source.position(e.getKey()) < e.getValue())) {
      total = total.plus(pollOnce());
    }
    return total;
  }

  /** Asks the bridge to stop after the batch it is writing. */
  public void stop() {
    stop.stop();
    source.wakeup();
  }

  @Override
  public void close() {
    try {
      source.close();
    } finally {
      sink.close();
    }
  }

  private void write(ConsumerRecord<byte[], byte[]> event, long[] counts) {
    List<SplitRecord> records = splitter.split(event.value());
    for (SplitRecord record : records) {
      if (record instanceof Accepted accepted) {
        sink.raw(accepted);
        counts[0]++;
      } else if (record instanceof Rejected rejected) {
        sink.deadLetter(
            event.key() == null ? null : new String(event.key(), StandardCharsets.UTF_8),
            event.timestamp(),
            rejected,
            new Provenance(event.topic(), event.partition(), event.offset()));
        counts[1]++;
      } else if (record instanceof Ignored) {
        counts[2]++;
      }
    }
  }

  /** After a failed transaction the batch is read again from the last committed offsets. */
  private void rewind(ConsumerRecords<byte[], byte[]> events) {
    for (TopicPartition partition : events.partitions()) {
      Long next = committed.get(partition);
      source.seek(partition, next != null ? next : events.records(partition).get(0).offset());
    }
  }

  private String checkpointPrefix() {
    return CHECKPOINT_PREFIX + settings.sourceId() + "/";
  }

  private String checkpointKey(TopicPartition partition) {
    return checkpointPrefix() + partition.partition();
  }
}
