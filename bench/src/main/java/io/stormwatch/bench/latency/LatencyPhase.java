package io.stormwatch.bench.latency;

import io.stormwatch.bench.ProgressListener;
import io.stormwatch.detector.app.ConsumerGroupLag;
import io.stormwatch.detector.config.TopicNames;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.serde.AvroSerdes;
import io.stormwatch.schemas.serde.SchemaResolver;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.traffic.publish.RawTopicNames;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Alert latency at a fixed offered load, on the pipeline the throughput phase left running: the
 * simulation goes on where the pre-loaded records stopped, at a steady rate, so the pipeline is
 * warm, holds the state of every account and sees the same population, and every alert revision is
 * timed from the broker's append of the raw record that caused it to the broker's append of the
 * revision.
 *
 * <p>Both ends are broker LogAppendTime, from one clock: for this phase the raw topics and the
 * alerts topic are switched to LogAppendTime (a dynamic topic setting; the records already there
 * keep their timestamps). The pipeline still sees event time as the raw record timestamp, as in
 * production, through {@link EventTimeHeaderExtractor}. The causing record of a revision is the
 * latest of its sample event ids (they are in event-time order); its append time comes from the
 * producer's acknowledgement. When two sample events share the latest event time the later id is
 * taken, which can only overstate the latency. Rules that wait on purpose (a grace period in event
 * time before deciding) show that wait in their own row.
 */
public final class LatencyPhase {

  static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration LOOK_INTERVAL = Duration.ofMillis(50);

  /** The running pipeline, as the phase sees it. */
  public record Pipeline(String applicationId, TopicNames topics, Supplier<String> state) {}

  private final Admin admin;
  private final String bootstrapServers;
  private final SchemaResolver schemas;

  /**
   * @param schemas the schema ids the pipeline writes alerts with
   */
  public LatencyPhase(Admin admin, String bootstrapServers, SchemaResolver schemas) {
    this.admin = admin;
    this.bootstrapServers = bootstrapServers;
    this.schemas = schemas;
  }

  /**
   * Offers {@code records} records of {@code continuation} at {@code perSecond} to the running
   * {@code pipeline}, waits until it has processed them and every alert is read, and times the
   * alerts.
   */
  public LatencyFigures run(
      Pipeline pipeline,
      Iterator<SimEvent> continuation,
      long records,
      double perSecond,
      ProgressListener listener)
      throws InterruptedException, ExecutionException {
    TopicNames topics = pipeline.topics();
    switchToLogAppendTime(List.of(topics.ualRaw(), topics.signInRaw(), topics.alerts()));
    AppendTimeIndex appendTimes = new AppendTimeIndex((int) Math.min(records, 50_000_000));
    ConsumerGroupLag lag = new ConsumerGroupLag(admin);
    List<String> rawTopics = List.of(topics.ualRaw(), topics.signInRaw());
    try (AlertWatcher alerts =
            new AlertWatcher(
                bootstrapServers,
                committedEnds(topics.alerts()),
                AvroSerdes.of(Alert.class, schemas).deserializer());
        KafkaProducer<byte[], byte[]> producer = loadProducer();
        GcPauses gcPauses = GcPauses.start();
        BacklogSampler backlog =
            BacklogSampler.start(
                () -> lag.of(pipeline.applicationId(), rawTopics), BacklogSampler.INTERVAL)) {
      alerts.start();
      PacedLoad.Sent sent =
          new PacedLoad(
                  producer, new RawTopicNames(topics.ualRaw(), topics.signInRaw()), appendTimes)
              .run(
                  continuation,
                  records,
                  perSecond,
                  listener.begin(String.format("latency %,.0f/s", perSecond), records, "rec"));
      long catchUpStart = System.nanoTime();
      awaitProcessed(pipeline, lag, rawTopics);
      double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;
      if (!alerts.awaitCaughtUp(Duration.ofMinutes(1))) {
        throw new IllegalStateException("latency: the alerts topic was not read to its end");
      }
      return measure(
          alerts.observations(),
          alerts.unmeasurable(),
          appendTimes,
          perSecond,
          sent,
          catchUpSeconds,
          gcPauses.figures(),
          backlog.figures());
    }
  }

  /** Matches every revision to its causing record and summarises the latencies, also by rule. */
  static LatencyFigures measure(
      List<AlertWatcher.Observation> observations,
      long unmeasurable,
      AppendTimeIndex appendTimes,
      double offeredPerSecond,
      PacedLoad.Sent sent,
      double catchUpSeconds,
      GcPauses.Figures gcPauses,
      BacklogSampler.Figures backlog) {
    Histogram toAppend = LatencySummary.newHistogram();
    Histogram toReadable = LatencySummary.newHistogram();
    Map<String, Histogram[]> byRule = new TreeMap<>();
    long unmatched = unmeasurable;
    for (AlertWatcher.Observation alert : observations) {
      long rawAppend = appendTimes.get(alert.causingEventId());
      if (rawAppend == AppendTimeIndex.ABSENT) {
        unmatched++;
        continue;
      }
      Histogram[] rule =
          byRule.computeIfAbsent(
              String.valueOf(alert.ruleId()),
              id -> new Histogram[] {LatencySummary.newHistogram(), LatencySummary.newHistogram()});
      for (Histogram h : new Histogram[] {toAppend, rule[0]}) {
        LatencySummary.record(h, alert.appendTimeMs() - rawAppend);
      }
      for (Histogram h : new Histogram[] {toReadable, rule[1]}) {
        LatencySummary.record(h, alert.readAtMs() - rawAppend);
      }
    }
    List<RuleLatency> rules = new ArrayList<>();
    byRule.forEach(
        (id, h) ->
            rules.add(new RuleLatency(id, LatencySummary.of(h[0]), LatencySummary.of(h[1]))));
    return new LatencyFigures(
        offeredPerSecond,
        sent.seconds() > 0 ? sent.records() / sent.seconds() : 0,
        sent.records(),
        sent.seconds(),
        catchUpSeconds,
        toAppend.getTotalCount(),
        unmatched,
        LatencySummary.of(toAppend),
        LatencySummary.of(toReadable),
        rules,
        gcPauses,
        backlog);
  }

  /**
   * Makes the broker stamp new records of {@code topics} with their append time; records already
   * there keep theirs.
   */
  private void switchToLogAppendTime(List<String> topics)
      throws InterruptedException, ExecutionException {
    AlterConfigOp appendTime =
        new AlterConfigOp(
            new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"),
            AlterConfigOp.OpType.SET);
    admin
        .incrementalAlterConfigs(
            topics.stream()
                .collect(
                    Collectors.toMap(
                        topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic),
                        topic -> List.of(appendTime))))
        .all()
        .get();
  }

  /** Where a read_committed reader of {@code topic} starts to see only what comes next. */
  private Map<TopicPartition, Long> committedEnds(String topic)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetSpec> latest =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
            .collect(
                Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
    return admin
        .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get()
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** Waits until the pipeline has committed every raw record sent. */
  private void awaitProcessed(Pipeline pipeline, ConsumerGroupLag lag, List<String> watched)
      throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    while (lag.of(pipeline.applicationId(), watched) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "latency: the pipeline did not catch up within "
                + CATCH_UP_TIMEOUT
                + " (state "
                + pipeline.state().get()
                + ")");
      }
      Thread.sleep(LOOK_INTERVAL.toMillis());
    }
  }

  private KafkaProducer<byte[], byte[]> loadProducer() {
    Map<String, Object> config = RawTopicPublisher.producerConfig(bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "stormwatch-bench-load");
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
