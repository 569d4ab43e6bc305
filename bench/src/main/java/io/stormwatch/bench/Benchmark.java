package io.stormwatch.bench;

import io.stormwatch.bench.input.InputLoader;
import io.stormwatch.bench.input.LoadedInput;
import io.stormwatch.bench.input.SimulationSizing;
import io.stormwatch.bench.latency.EventTimeHeaderExtractor;
import io.stormwatch.bench.latency.LatencyFigures;
import io.stormwatch.bench.latency.LatencyPhase;
import io.stormwatch.bench.memory.MemoryFigures;
import io.stormwatch.bench.memory.MemoryProbe;
import io.stormwatch.bench.report.BenchReport;
import io.stormwatch.bench.report.InputFigures;
import io.stormwatch.bench.report.MachineInfo;
import io.stormwatch.bench.throughput.FloorApplication;
import io.stormwatch.bench.throughput.FloorTopology;
import io.stormwatch.bench.throughput.PhaseClock;
import io.stormwatch.bench.throughput.RawReadPhase;
import io.stormwatch.bench.throughput.StreamsPhase;
import io.stormwatch.bench.throughput.ThroughputFigures;
import io.stormwatch.bench.throughput.TopicAppends;
import io.stormwatch.detector.app.ConsumerGroupLag;
import io.stormwatch.detector.app.DetectorApplication;
import io.stormwatch.detector.app.StreamsProperties;
import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.config.TopicNames;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.schemas.registry.SchemaResolvers;
import io.stormwatch.schemas.serde.SchemaResolver;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.traffic.publish.RawTopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One benchmark run on one embedded broker: pre-load simulated records, then raw read, floor and
 * full pipeline over the same records, then latency at a fixed load, and memory. Everything it
 * starts it stops and deletes.
 */
public final class Benchmark {

  static final String STORMWATCH_APPLICATION_ID = "bench-stormwatch";
  static final String FLOOR_APPLICATION_ID = "bench-floor";
  static final String ALERTS_ONLY_APPLICATION_ID = "bench-alerts-only";

  /** The latency phase's offered load the simulation is sized for, records/s. */
  static final long LATENCY_RATE_CEILING = 25_000;

  /** Longest a throughput phase may take before the run fails instead of hanging. */
  static final Duration PHASE_TIMEOUT = Duration.ofMinutes(60);

  private final BenchSettings settings;
  private final ProgressListener listener;

  public Benchmark(BenchSettings settings, ProgressListener listener) {
    this.settings = settings;
    this.listener = listener;
  }

  /** Runs every phase and returns the figures. */
  public BenchReport run() throws Exception {
    Instant startedAt = Instant.now();
    PhaseClock total = PhaseClock.start();
    double loadAtStart = MachineInfo.loadAverage();
    MachineInfo machine = MachineInfo.current();
    Path workDirectory = Files.createTempDirectory("stormwatch-bench-");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      listener.note("Kafka broker started at " + broker.bootstrapServers());
      StormwatchConfig config = pipelineConfig(broker, workDirectory.resolve("stormwatch"));
      TopicNames topics = config.topics();
      new TopicProvisioner(admin).ensureTopics(topics, config.topicLayout());
      List<String> rawTopics = List.of(topics.ualRaw(), topics.signInRaw());

      listener.note(
          String.format(
              "sizing the simulation: %,d accounts, %,d records to pre-load and up to %,d more"
                  + " for the latency phase",
              settings.accounts(), settings.events(), latencyRecordsAtMost()));
      SimulationSettings simulation =
          SimulationSizing.settingsEndingBy(
              settings.tenants(),
              BenchSettings.USERS_PER_TENANT,
              settings.events() + latencyRecordsAtMost(),
              settings.seed(),
              settings.simulationStart(),
              Instant.now());
      InputFigures input = load(broker, simulation, topics);

      ThroughputFigures rawRead =
          new RawReadPhase(broker.bootstrapServers())
              .run(
                  rawTopics,
                  settings.streamThreads(),
                  listener.begin("raw read", input.loaded().records(), "rec"));

      StreamsPhase streamsPhase =
          new StreamsPhase(
              new ConsumerGroupLag(admin), new TopicAppends(admin, rawTopics), PHASE_TIMEOUT);
      ThroughputFigures floor =
          runFloor(streamsPhase, config, workDirectory.resolve("floor"), input.loaded().records());

      IpIntelligence ipIntelligence = IpIntelligence.loadBundled();
      List<MemoryFigures> memory = new ArrayList<>();
      ThroughputFigures stormwatch;
      LatencyFigures latency;
      SchemaResolver schemas = SchemaResolvers.of(config.schemaRegistry());
      try (DetectorApplication detector =
          new DetectorApplication(config, schemas, ipIntelligence)) {
        stormwatch =
            streamsPhase.run(
                new StreamsPhase.Subject(
                    "stormwatch",
                    "full pipeline: parse, enrich, dedupe, lateness gate, every rule, alerts",
                    adapt(detector),
                    STORMWATCH_APPLICATION_ID,
                    rawTopics,
                    List.of()),
                input.loaded().records(),
                listener.begin("stormwatch", input.loaded().records(), "rec"));
        Path stateDirectory = Path.of(config.stateDir().orElseThrow());
        memory.add(
            MemoryProbe.snapshot("after the stormwatch phase (pipeline running)", stateDirectory));

        double offered = stormwatch.eventsPerSecond() * settings.latencyLoad();
        long latencyRecords =
            Math.max(1, Math.round(offered * settings.latencyDuration().toMillis() / 1000.0));
        latency =
            new LatencyPhase(admin, broker.bootstrapServers(), schemas)
                .run(
                    new LatencyPhase.Pipeline(
                        STORMWATCH_APPLICATION_ID, topics, () -> detector.state().toString()),
                    continuationAfter(simulation, input.loaded().records()),
                    latencyRecords,
                    offered,
                    listener);
        memory.add(MemoryProbe.snapshot("end of run (after the latency phase)", stateDirectory));
      }

      ThroughputFigures alertsOnly =
          runAlertsOnly(
              streamsPhase,
              config,
              workDirectory.resolve("alerts-only"),
              schemas,
              ipIntelligence,
              input.loaded().records());

      return new BenchReport(
          startedAt,
          machine,
          settings.pipelineSettings(),
          loadAtStart,
          MachineInfo.loadAverage(),
          input,
          rawRead,
          floor,
          stormwatch,
          alertsOnly,
          latency,
          memory,
          total.wallSeconds());
    } finally {
      deleteRecursively(workDirectory);
    }
  }

  /**
   * Records the simulation holds beyond the pre-loaded ones: enough for the latency phase at up to
   * {@value #LATENCY_RATE_CEILING} records/s; a faster pipeline gets what there is.
   */
  private long latencyRecordsAtMost() {
    return settings.latencyDuration().toSeconds() * LATENCY_RATE_CEILING;
  }

  /**
   * The simulation's events after the first {@code skipped}: a fresh simulator with the same
   * settings yields the same events, so the latency phase continues where the pre-load stopped.
   */
  private static Iterator<SimEvent> continuationAfter(SimulationSettings simulation, long skipped) {
    Iterator<SimEvent> events = new TenantSimulator(simulation).events();
    for (long i = 0; i < skipped && events.hasNext(); i++) {
      events.next(); // no JSON is written for these: about a microsecond each
    }
    return events;
  }

  /**
   * The pipeline's defaults with this run's broker, threads and partitions, and two additions that
   * do not change how a record is processed. Window store changelogs keep a week rather than a day
   * beyond their window, so that a simulated Friday replayed on a Monday is not deleted by
   * retention (event time against the wall clock) mid-run. And the timestamp extractor reads the
   * event time from the latency phase's header when a record has one; pre-loaded records have none
   * and keep their timestamp, the event time, as with the default extractor.
   */
  private StormwatchConfig pipelineConfig(EmbeddedKafkaBroker broker, Path stateDirectory) {
    Map<String, String> values = new HashMap<>();
    values.put(
        StormwatchConfig.KAFKA_PREFIX
            + StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG,
        Long.toString(Duration.ofDays(7).toMillis()));
    values.put(
        StormwatchConfig.KAFKA_PREFIX + StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG,
        EventTimeHeaderExtractor.class.getName());
    values.putAll(settings.pipelineSettings());
    values.put(StormwatchConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    values.put(StormwatchConfig.APPLICATION_ID, STORMWATCH_APPLICATION_ID);
    values.put(StormwatchConfig.STATE_DIR, stateDirectory.toString());
    values.put(StormwatchConfig.STREAM_THREADS, Integer.toString(settings.streamThreads()));
    values.put(StormwatchConfig.TOPIC_PARTITIONS, Integer.toString(settings.partitions()));
    return StormwatchConfig.from(values);
  }

  private InputFigures load(
      EmbeddedKafkaBroker broker, SimulationSettings simulation, TopicNames topics) {
    TenantSimulator simulator = new TenantSimulator(simulation);
    LoadedInput loaded =
        new InputLoader(
                broker.bootstrapServers(), new RawTopicNames(topics.ualRaw(), topics.signInRaw()))
            .load(
                simulator,
                settings.events(),
                listener.begin("loading input", settings.events(), "rec"));
    long attacks =
        simulator.groundTruth().attacks().stream()
            .filter(attack -> attack.start().isBefore(loaded.lastEventTime()))
            .count();
    return new InputFigures(
        loaded,
        simulation.tenants(),
        simulation.tenants() * simulation.usersPerTenant(),
        Duration.between(simulation.start(), loaded.lastEventTime()).toMinutes(),
        (int) attacks,
        settings.partitions(),
        settings.streamThreads());
  }

  /**
   * The floor runs with the pipeline's own Kafka Streams properties (exactly_once_v2, commit
   * interval, threads, caches), only under its own application id and state directory.
   */
  private ThroughputFigures runFloor(
      StreamsPhase phase, StormwatchConfig config, Path stateDirectory, long records)
      throws Exception {
    Properties properties =
        StreamsProperties.of(
            config.with(
                Map.of(
                    StormwatchConfig.APPLICATION_ID,
                    FLOOR_APPLICATION_ID,
                    StormwatchConfig.STATE_DIR,
                    stateDirectory.toString())));
    TopicNames topics = config.topics();
    try (FloorApplication floor =
        new FloorApplication(
            FloorTopology.build(topics.ualRaw(), topics.signInRaw(), config.grace(), properties),
            properties)) {
      return phase.run(
          new StreamsPhase.Subject(
              "floor",
              "bare Kafka Streams: byte-search the account, repartition, 1-min windowed count",
              floor,
              FLOOR_APPLICATION_ID,
              List.of(topics.ualRaw(), topics.signInRaw()),
              List.of(FloorTopology.repartitionTopic(FLOOR_APPLICATION_ID))),
          records,
          listener.begin("floor", records, "rec"));
    }
  }

  /**
   * The full pipeline once more over the same records, under its own application id and state
   * directory, writing no normalised events: what an alerts-only deployment costs.
   */
  private ThroughputFigures runAlertsOnly(
      StreamsPhase phase,
      StormwatchConfig config,
      Path stateDirectory,
      SchemaResolver schemas,
      IpIntelligence ipIntelligence,
      long records)
      throws Exception {
    StormwatchConfig alertsOnly =
        config.with(
            Map.of(
                StormwatchConfig.TOPIC_EVENTS_ENABLED,
                "false",
                StormwatchConfig.APPLICATION_ID,
                ALERTS_ONLY_APPLICATION_ID,
                StormwatchConfig.STATE_DIR,
                stateDirectory.toString()));
    try (DetectorApplication detector =
        new DetectorApplication(alertsOnly, schemas, ipIntelligence)) {
      return phase.run(
          new StreamsPhase.Subject(
              "alerts-only",
              "full pipeline, topic.events.enabled=false: no normalised events written",
              adapt(detector),
              ALERTS_ONLY_APPLICATION_ID,
              List.of(config.topics().ualRaw(), config.topics().signInRaw()),
              List.of()),
          records,
          listener.begin("alerts-only", records, "rec"));
    }
  }

  private static StreamsPhase.App adapt(DetectorApplication detector) {
    return new StreamsPhase.App() {
      @Override
      public void start() {
        detector.start();
      }

      @Override
      public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return detector.awaitRunning(timeout);
      }

      @Override
      public String state() {
        return detector.state().toString();
      }
    };
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }
}
