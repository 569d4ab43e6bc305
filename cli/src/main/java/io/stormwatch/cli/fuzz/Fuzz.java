package io.stormwatch.cli.fuzz;

import io.stormwatch.cli.backtest.Backtest;
import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.cli.pipeline.CommittedTopicReader;
import io.stormwatch.cli.pipeline.EmbeddedPipeline;
import io.stormwatch.cli.replay.ClusterReplay;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.config.TopicNames;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.DeadLetter;
import io.stormwatch.schemas.deadletter.DeadLetterHeaders;
import io.stormwatch.schemas.serde.AvroSerdes;
import io.stormwatch.schemas.serde.BundledSchemaResolver;
import io.stormwatch.sim.hostile.HostileClass;
import io.stormwatch.sim.hostile.HostileFiles;
import io.stormwatch.sim.hostile.HostileIds;
import io.stormwatch.sim.hostile.HostileRecordGenerator;
import io.stormwatch.sim.hostile.HostileSettings;
import io.stormwatch.traffic.replay.ReplayReport;
import io.stormwatch.traffic.replay.ReplaySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One fuzz run: hostile records through the real pipeline on a broker started in this process. The
 * generated messages go to the raw topics as a connector would send them, the hostile files through
 * the replay, all before the detector starts (as in a {@link Backtest}); then the detector
 * processes them, watched for a stream thread failing, and every record is looked for on the
 * normalised and dead-letter topics.
 */
public final class Fuzz {

  /** The application id of the detector a fuzz run starts. */
  public static final String APPLICATION_ID = "stormwatch-fuzz";

  /** The valid records the generator mutates start this long before today. */
  static final Duration HISTORY = Duration.ofDays(30);

  private final Map<String, String> settings;
  private final FuzzSettings fuzz;

  /**
   * @param settings detector settings on top of the defaults
   * @param fuzz how many records, which seed
   */
  public Fuzz(Map<String, String> settings, FuzzSettings fuzz) {
    Map<String, String> merged = new LinkedHashMap<>();
    merged.put(StormwatchConfig.APPLICATION_ID, APPLICATION_ID);
    // Records keep the event times of their month-old records (and 1970): keep them all.
    merged.put(StormwatchConfig.TOPIC_RETENTION, Backtest.RETENTION);
    merged.putAll(settings);
    this.settings = Map.copyOf(merged);
    this.fuzz = fuzz;
  }

  public FuzzResult run(IpIntelligence ipIntelligence, FuzzListener listener) throws Exception {
    Path directory = Files.createTempDirectory("stormwatch-fuzz-");
    try (HeapPeak heap = new HeapPeak()) {
      StormwatchConfig requested = StormwatchConfig.from(settings);
      Instant now = Instant.now();
      Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(HISTORY);
      HostileSettings hostile =
          new HostileSettings(fuzz.seed(), fuzz.records(), requested.recordLimits(), start);
      MessageLedger ledger = new MessageLedger();
      List<HostileFiles.ReplayedFile> files = new ArrayList<>();
      AtomicReference<ReplayReport> replay = new AtomicReference<>();
      long started = System.nanoTime();
      try (EmbeddedPipeline pipeline =
          EmbeddedPipeline.start(
              settings,
              ipIntelligence,
              alert -> {},
              config -> {
                Instant horizon = publish(config, hostile, now, ledger, listener);
                // Other tenants, after the published records: nothing in the files is late.
                files.addAll(
                    HostileFiles.write(directory, ~fuzz.seed(), horizon, fuzz.hostileFileBytes()));
                List<Path> paths = files.stream().map(HostileFiles.ReplayedFile::path).toList();
                replay.set(
                    ClusterReplay.run(config, paths, ReplaySettings.defaults(), listener).report());
              })) {
        Duration publishing = Duration.ofNanos(System.nanoTime() - started);
        long messages = ledger.messages() + replay.get().sent();
        listener.processingStarts(messages);
        long processingStarted = System.nanoTime();
        String failure = drain(pipeline, messages, listener);
        Duration processing = Duration.ofNanos(System.nanoTime() - processingStarted);
        return tally(pipeline, ledger, files, replay.get(), failure, heap, publishing, processing);
      }
    } finally {
      deleteRecursively(directory);
    }
  }

  /** Publishes the generated messages; returns when their valid records end. */
  private Instant publish(
      StormwatchConfig config,
      HostileSettings hostile,
      Instant now,
      MessageLedger ledger,
      FuzzListener listener)
      throws Exception {
    HostilePublisher publisher = new HostilePublisher(config);
    try (Admin admin = Admin.create(ClusterOptions.clientConfig(config))) {
      publisher.acceptAnyTimestamp(admin);
    }
    HostileRecordGenerator generator = new HostileRecordGenerator(hostile);
    publisher.publish(generator, ledger, sent -> listener.published(sent, fuzz.records()));
    Instant horizon = generator.horizon();
    if (horizon.isAfter(now.minus(Duration.ofHours(1)))) {
      throw new IllegalStateException(
          "the valid records of "
              + fuzz.records()
              + " hostile ones reach "
              + horizon
              + ", too close to now: ask for fewer records");
    }
    return horizon;
  }

  /** Waits until the detector has committed every raw record; the reason if it did not. */
  private String drain(EmbeddedPipeline pipeline, long messages, FuzzListener listener)
      throws Exception {
    long deadline = System.nanoTime() + fuzz.drainTimeout().toNanos();
    while (true) {
      KafkaStreams.State state = pipeline.detectorState();
      if (!state.isRunningOrRebalancing()) {
        return "the detector stopped before processing everything (state " + state + ")";
      }
      long lag = pipeline.rawLag();
      listener.processed(Math.max(0, messages - lag));
      if (lag == 0) {
        return pipeline.alerts().awaitCaughtUp(fuzz.drainTimeout())
            ? null
            : "the alerts topic was not read to its end within " + fuzz.drainTimeout();
      }
      if (System.nanoTime() > deadline) {
        return "the detector did not process everything within "
            + fuzz.drainTimeout()
            + " ("
            + lag
            + " records left)";
      }
      Thread.sleep(100); // polls the committed offsets, as PipelineDrain does
    }
  }

  private FuzzResult tally(
      EmbeddedPipeline pipeline,
      MessageLedger ledger,
      List<HostileFiles.ReplayedFile> files,
      ReplayReport replay,
      String failure,
      HeapPeak heap,
      Duration publishing,
      Duration processing) {
    StormwatchConfig config = pipeline.config();
    TopicNames topics = config.topics();
    CommittedTopicReader reader = new CommittedTopicReader(ClusterOptions.clientConfig(config));

    Map<HostileClass, Long> normalised = new EnumMap<>(HostileClass.class);
    long[] unattributedEvents = {0};
    Deserializer<AuditEvent> events =
        AvroSerdes.of(AuditEvent.class, new BundledSchemaResolver()).deserializer();
    reader.readToEnd(
        topics.events(),
        record -> {
          HostileClass byId =
              HostileIds.classOf(events.deserialize(topics.events(), record.value()).getEventId());
          if (byId == null) {
            unattributedEvents[0]++;
          } else {
            normalised.merge(byId, 1L, Long::sum);
          }
        });

    DeadLetterCount deadLetters = new DeadLetterCount(ledger, files);
    reader.readToEnd(topics.deadLetters(), deadLetters::count);

    List<FuzzResult.ClassTally> classes = new ArrayList<>();
    Map<HostileClass, MessageLedger.Sent> sent = ledger.sent();
    for (HostileClass hostileClass : HostileClass.values()) {
      MessageLedger.Sent counts = sent.get(hostileClass);
      long messages = counts == null ? 0 : counts.messages();
      long records = counts == null ? 0 : counts.records();
      long duplicates = counts == null ? 0 : counts.duplicates();
      for (ReplayReport.FileReport file : replay.files()) {
        if (deadLetters.classOfFile(file.path().toString()) == hostileClass) {
          messages += file.records();
          records += file.records();
        }
      }
      if (records == 0 && !normalised.containsKey(hostileClass)) {
        continue;
      }
      classes.add(
          new FuzzResult.ClassTally(
              hostileClass,
              messages,
              records,
              normalised.getOrDefault(hostileClass, 0L),
              deadLetters.of(hostileClass),
              duplicates,
              deadLetters.byType(hostileClass)));
    }
    return new FuzzResult(
        classes,
        unattributedEvents[0],
        deadLetters.unattributed,
        deadLetters.byKafkaStreams,
        reader.count(topics.late()),
        pipeline.alerts().latestRevisions().stream()
            .collect(Collectors.groupingBy(Alert::getRuleId, TreeMap::new, Collectors.counting())),
        pipeline.detectorState(),
        failure,
        replay,
        heap.peakBytes(),
        heap.maxBytes(),
        publishing,
        processing);
  }

  /** Dead letters per class, traced by their source (partition and offset, or file and line). */
  private static final class DeadLetterCount {
    private final MessageLedger ledger;
    private final List<HostileFiles.ReplayedFile> files;
    private final Map<HostileClass, Map<String, Long>> byClass = new EnumMap<>(HostileClass.class);
    long unattributed;
    long byKafkaStreams;

    DeadLetterCount(MessageLedger ledger, List<HostileFiles.ReplayedFile> files) {
      this.ledger = ledger;
      this.files = files;
    }

    void count(ConsumerRecord<byte[], byte[]> record) {
      if (record.headers().lastHeader(DeadLetterHeaders.REASON) == null) {
        byKafkaStreams++;
      }
      DeadLetter letter = DeadLetterHeaders.read(record.headers(), record.value());
      HostileClass hostileClass =
          letter.getSourcePartition() >= 0
              ? ledger.classAt(
                  letter.getSourceTopic(), letter.getSourcePartition(), letter.getSourceOffset())
              : classOfFile(letter.getSourceTopic());
      if (hostileClass == null) {
        unattributed++;
        return;
      }
      byClass
          .computeIfAbsent(hostileClass, c -> new LinkedHashMap<>())
          .merge(letter.getErrorType(), 1L, Long::sum);
    }

    /** The class of a replayed file, from its path or a {@code path:line} origin; or null. */
    HostileClass classOfFile(String origin) {
      for (HostileFiles.ReplayedFile file : files) {
        String path = file.path().toString();
        if (origin.equals(path) || origin.startsWith(path + ":")) {
          return file.hostileClass();
        }
      }
      return null;
    }

    long of(HostileClass hostileClass) {
      return byClass.getOrDefault(hostileClass, Map.of()).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    }

    Map<String, Long> byType(HostileClass hostileClass) {
      Map<String, Long> sorted = new LinkedHashMap<>();
      byClass.getOrDefault(hostileClass, Map.of()).entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      return sorted;
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }
}
