package io.stormwatch.detector.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.metrics.RestoreProgress;
import io.stormwatch.detector.metrics.StreamsMeters;
import io.stormwatch.detector.topology.StormwatchTopics;
import io.stormwatch.detector.topology.StormwatchTopology;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.schemas.registry.SchemaResolvers;
import io.stormwatch.schemas.serde.ConfluentAvroSerializer;
import io.stormwatch.schemas.serde.SchemaResolver;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the detector runs: owns the {@link KafkaStreams} instance built from the configuration, its
 * start, its readiness and its shutdown. The process (signals, exit codes) belongs to the caller.
 */
public final class DetectorApplication implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DetectorApplication.class);

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final RestoreProgress restoreProgress;
  private final GroupMembershipOperation onClose;
  private final CountDownLatch running = new CountDownLatch(1);
  private final Map<String, Integer> schemaIds;

  /**
   * The detector with the schema ids of {@code config}: the Schema Registry of {@code
   * schema.registry.url}, else the schemas bundled in this build.
   *
   * @throws io.stormwatch.schemas.registry.SchemaRegistryException if the registry cannot be
   *     reached or rejects a schema
   */
  public DetectorApplication(StormwatchConfig config, IpIntelligence ipIntelligence) {
    this(config, SchemaResolvers.of(config.schemaRegistry()), ipIntelligence);
  }

  /**
   * The detector with schema ids from {@code resolver}. The schemas of the topics it writes in Avro
   * are resolved here, before anything starts: a registry that cannot be reached or rejects a
   * schema stops the detector at once instead of failing its stream threads later.
   *
   * @throws org.apache.kafka.common.errors.SerializationException if a schema has no id
   */
  public DetectorApplication(
      StormwatchConfig config, SchemaResolver resolver, IpIntelligence ipIntelligence) {
    var components = StormwatchTopology.Components.standard(config, resolver, ipIntelligence);
    this.schemaIds = resolveSchemaIds(components.topics(), resolver);
    log.info("schema ids by subject: {}", schemaIds);
    Topology topology = StormwatchTopology.build(config, components);
    Properties properties = StreamsProperties.of(config);
    this.streams = new KafkaStreams(topology, properties);
    this.restoreProgress = new RestoreProgress(storeNames(topology));
    this.onClose = membershipOnClose(properties);
    streams.setGlobalStateRestoreListener(restoreProgress);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
          log.debug("detector state {} -> {}", before, now);
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          log.error("detector stream thread failed; shutting the detector down", e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
  }

  private static Map<String, Integer> resolveSchemaIds(
      StormwatchTopics topics, SchemaResolver resolver) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    topics
        .avroValueSchemas()
        .forEach(
            (topic, schema) -> {
              String subject = ConfluentAvroSerializer.valueSubject(topic);
              ids.put(subject, resolver.idFor(subject, schema));
            });
    return Collections.unmodifiableMap(ids);
  }

  /** The schema id of each subject the detector writes, e.g. {@code alerts-value}. */
  public Map<String, Integer> schemaIds() {
    return schemaIds;
  }

  public void start() {
    streams.start();
  }

  /** Waits until the detector has joined its group and is processing. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Whether the detector is alive and whether it is ready, as of now. */
  public DetectorHealth health() {
    return new DetectorHealth(streams.state(), restoreProgress.partitionsRestoring());
  }

  /**
   * Binds the metrics of the detector's Kafka Streams client, Stormwatch's own counters among them,
   * and its restore progress to {@code registry}, which should have {@link StreamsMeters#naming()}.
   * Closing the result stops following the client.
   */
  public AutoCloseable bindMetrics(MeterRegistry registry) {
    StreamsMeters meters = new StreamsMeters(streams);
    meters.bindTo(registry);
    restoreProgress.bindTo(registry);
    return meters;
  }

  /**
   * Stops processing, commits and leaves the consumer group, so that the partitions of an instance
   * removed on scale-down move to the others at once rather than after {@code session.timeout.ms}.
   * A static member ({@code group.instance.id} set) stays in the group instead: it is expected back
   * and keeps its partitions, within the session timeout, without a rebalance.
   */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(onClose).withTimeout(CLOSE_TIMEOUT));
  }

  private static GroupMembershipOperation membershipOnClose(Properties streamsProperties) {
    String instanceId = ConsumerConfig.GROUP_INSTANCE_ID_CONFIG;
    boolean staticMember =
        streamsProperties.keySet().stream()
            .map(String::valueOf)
            .anyMatch(key -> key.equals(instanceId) || key.endsWith("." + instanceId));
    return staticMember
        ? GroupMembershipOperation.REMAIN_IN_GROUP
        : GroupMembershipOperation.LEAVE_GROUP;
  }

  private static Set<String> storeNames(Topology topology) {
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        if (node instanceof TopologyDescription.Processor processor) {
          stores.addAll(processor.stores());
        }
      }
    }
    return stores;
  }
}
