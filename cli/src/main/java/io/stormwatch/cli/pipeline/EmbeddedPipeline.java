package io.stormwatch.cli.pipeline;

import io.stormwatch.detector.app.DetectorApplication;
import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.registry.SchemaResolvers;
import io.stormwatch.schemas.serde.AvroSerdes;
import io.stormwatch.schemas.serde.SchemaResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The whole pipeline on a real single-node Kafka broker started in this JVM: topics, the detector
 * with exactly-once, and a collector of the alerts. Everything it starts it stops and deletes.
 */
public final class EmbeddedPipeline implements AutoCloseable {

  private final EmbeddedKafkaBroker broker;
  private final Path stateDir;
  private final StormwatchConfig config;
  private final Admin admin;
  private final DetectorApplication detector;
  private final AlertCollector alerts;
  private final Duration brokerStartup;
  private final Duration detectorStartup;
  private boolean closed;

  private EmbeddedPipeline(
      EmbeddedKafkaBroker broker,
      Path stateDir,
      StormwatchConfig config,
      Admin admin,
      DetectorApplication detector,
      AlertCollector alerts,
      Duration brokerStartup,
      Duration detectorStartup) {
    this.broker = broker;
    this.stateDir = stateDir;
    this.config = config;
    this.admin = admin;
    this.detector = detector;
    this.alerts = alerts;
    this.brokerStartup = brokerStartup;
    this.detectorStartup = detectorStartup;
  }

  /**
   * Starts broker, topics, detector and alert collector; the detector is processing when this
   * returns.
   *
   * @param settings configuration on top of the defaults; bootstrap servers and state directory are
   *     set here
   * @param onAlert told every alert revision as it arrives
   */
  public static EmbeddedPipeline start(
      Map<String, String> settings, IpIntelligence ipIntelligence, Consumer<Alert> onAlert)
      throws Exception {
    return start(settings, ipIntelligence, onAlert, config -> {});
  }

  /**
   * Starts broker and topics, runs {@code beforeDetector}, then starts detector and alert
   * collector.
   *
   * <p>A backtest publishes its whole recording in {@code beforeDetector}: the detector then finds
   * every record on the broker from its first fetch, so Kafka Streams merges the raw topics
   * strictly by timestamp (it waits for partitions it knows to have data) instead of racing a
   * producer that is still writing.
   *
   * @param beforeDetector given the effective configuration (bootstrap servers, topic names)
   */
  public static EmbeddedPipeline start(
      Map<String, String> settings,
      IpIntelligence ipIntelligence,
      Consumer<Alert> onAlert,
      BeforeDetector beforeDetector)
      throws Exception {
    long t0 = System.nanoTime();
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
    Duration brokerStartup = Duration.ofNanos(System.nanoTime() - t0);
    Path stateDir = null;
    Admin admin = null;
    DetectorApplication detector = null;
    try {
      stateDir = Files.createTempDirectory("stormwatch-state-");
      StormwatchConfig config =
          StormwatchConfig.from(settings)
              .with(
                  Map.of(
                      StormwatchConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                      StormwatchConfig.STATE_DIR, stateDir.toString()));
      admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
      new TopicProvisioner(admin).ensureTopics(config.topics(), config.topicLayout());
      beforeDetector.run(config);
      long t1 = System.nanoTime();
      // Without schema.registry.url the bundled ids; with it, detector and collector share a cache.
      SchemaResolver schemas = SchemaResolvers.of(config.schemaRegistry());
      detector = new DetectorApplication(config, schemas, ipIntelligence);
      detector.start();
      if (!detector.awaitRunning(Duration.ofSeconds(120))) {
        throw new IllegalStateException(
            "the detector did not start within 2 minutes: " + detector.state());
      }
      Duration detectorStartup = Duration.ofNanos(System.nanoTime() - t1);
      AlertCollector collector =
          new AlertCollector(
              broker.bootstrapServers(),
              config.topics().alerts(),
              AvroSerdes.of(Alert.class, schemas).deserializer(),
              onAlert);
      collector.start();
      return new EmbeddedPipeline(
          broker, stateDir, config, admin, detector, collector, brokerStartup, detectorStartup);
    } catch (Exception | Error e) {
      if (detector != null) {
        detector.close();
      }
      if (admin != null) {
        admin.close();
      }
      broker.close();
      deleteRecursively(stateDir);
      throw e;
    }
  }

  /** Work done on the started broker before the detector starts. */
  @FunctionalInterface
  public interface BeforeDetector {
    void run(StormwatchConfig config) throws Exception;
  }

  public StormwatchConfig config() {
    return config;
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public Duration brokerStartup() {
    return brokerStartup;
  }

  public Duration detectorStartup() {
    return detectorStartup;
  }

  /**
   * Waits until the detector has processed every record on the raw topics and the collector has
   * read every alert that produced.
   *
   * @param progress told the detector's remaining lag as it falls
   * @throws IllegalStateException if that does not happen within {@code timeout}
   */
  public void awaitDrained(Duration timeout, LongConsumer progress) throws Exception {
    var topics = config.topics();
    boolean drained =
        new PipelineDrain(admin, config.applicationId())
            .awaitDrained(List.of(topics.ualRaw(), topics.signInRaw()), timeout, progress);
    if (!drained) {
      throw new IllegalStateException(
          "the detector did not catch up within " + timeout + " (state " + detector.state() + ")");
    }
    if (!alerts.awaitCaughtUp(timeout)) {
      throw new IllegalStateException("the alerts topic was not read to its end within " + timeout);
    }
  }

  /** Pacing for a full-speed publisher that has sent {@code sentSoFar} records to this pipeline. */
  public DetectorPacing pacing(LongSupplier sentSoFar) {
    var topics = config.topics();
    return new DetectorPacing(
        sentSoFar,
        new PipelineDrain(admin, config.applicationId())
            .lagOf(List.of(topics.ualRaw(), topics.signInRaw())));
  }

  public AlertCollector alerts() {
    return alerts;
  }

  /** The detector's Kafka Streams state: a stream thread that failed leaves it in ERROR. */
  public KafkaStreams.State detectorState() {
    return detector.state();
  }

  /** Records on the raw topics the detector has not committed yet. */
  public long rawLag() throws InterruptedException, ExecutionException {
    var topics = config.topics();
    return new PipelineDrain(admin, config.applicationId())
        .lag(List.of(topics.ualRaw(), topics.signInRaw()));
  }

  public long count(String topic) {
    return CommittedTopicReader.at(broker.bootstrapServers()).count(topic);
  }

  @Override
  public synchronized void close() throws InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      alerts.close();
      detector.close();
      admin.close();
    } finally {
      broker.close();
      deleteRecursively(stateDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
