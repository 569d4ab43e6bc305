package io.stormwatch.cli.backtest;

import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.cli.pipeline.EmbeddedPipeline;
import io.stormwatch.cli.replay.ClusterReplay;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.config.TopicNames;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.traffic.replay.ReplaySettings;
import io.stormwatch.traffic.replay.ReplaySpeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One backtest: a real single-node broker started in this process, the recording replayed to it at
 * full speed, then the detector started and every record processed (committed offsets, not a
 * sleep), the alerts and dead letters collected, everything stopped and deleted.
 *
 * <p>The detector starts only once the whole recording is on the broker. Kafka Streams then knows
 * from its first fetch which partitions hold more records and waits for them, so it merges a
 * tenant's UAL and sign-in records strictly in timestamp order; a detector racing a producer at
 * full speed can see a partition as drained while more is being written, and run ahead.
 */
public final class Backtest {

  /** The application id of the detector a backtest runs. */
  public static final String APPLICATION_ID = "stormwatch-backtest";

  /**
   * Topic retention of a backtest: a century, because brokers delete records by their timestamp and
   * a backtest replays history with its original event times.
   */
  public static final String RETENTION = "36500d";

  private final Map<String, String> settings;
  private final ReplaySettings replaySettings;
  private final Duration drainTimeout;

  /**
   * @param settings detector settings, as {@link #settings} composes them
   * @param replaySettings range and sorting; the speed is always {@link ReplaySpeed#MAX}
   * @param drainTimeout how long to wait for the detector to process everything after the replay
   */
  public Backtest(
      Map<String, String> settings, ReplaySettings replaySettings, Duration drainTimeout) {
    this.settings = Map.copyOf(settings);
    this.replaySettings = replaySettings.withSpeed(ReplaySpeed.MAX);
    this.drainTimeout = drainTimeout;
  }

  /**
   * The detector settings of a backtest: those of a configuration file, then the backtest's own
   * application id and retention (a production file's 180 days would delete the history being
   * replayed), then explicit overrides, which win. The environment's settings are not read, so that
   * a shell set up for a production cluster does not leak into a backtest.
   *
   * @param fromFile settings of the detector's YAML file, or empty
   * @param overrides settings given one by one ({@code --set})
   */
  public static Map<String, String> settings(
      Map<String, String> fromFile, Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(fromFile);
    merged.put(StormwatchConfig.APPLICATION_ID, APPLICATION_ID);
    merged.put(StormwatchConfig.TOPIC_RETENTION, RETENTION);
    merged.putAll(overrides);
    return merged;
  }

  /**
   * Runs the backtest.
   *
   * @param files the recordings, as {@link io.stormwatch.traffic.replay.RecordingFiles#expand}
   *     gives them
   * @param listener told the progress, and the pipeline once it runs (to stop it on Ctrl-C)
   */
  public BacktestResult run(
      List<Path> files, IpIntelligence ipIntelligence, BacktestListener listener) throws Exception {
    AtomicReference<ClusterReplay> replayed = new AtomicReference<>();
    // The whole recording is on the broker before the detector starts: see EmbeddedPipeline.
    try (EmbeddedPipeline pipeline =
        EmbeddedPipeline.start(
            settings,
            ipIntelligence,
            alert -> {},
            config -> replayed.set(ClusterReplay.run(config, files, replaySettings, listener)))) {
      listener.pipelineStarted(pipeline);
      StormwatchConfig config = pipeline.config();
      TopicNames topics = config.topics();
      ClusterReplay replay = replayed.get();
      long sent = replay.report().sent();
      long started = System.nanoTime();
      listener.processingStarts(sent);
      pipeline.awaitDrained(drainTimeout, lag -> listener.processed(Math.max(0, sent - lag)));
      Duration processingTime = Duration.ofNanos(System.nanoTime() - started);

      DeadLetterTally deadLetters =
          DeadLetterTally.read(
              ClusterOptions.clientConfig(config),
              topics.deadLetters(),
              Set.of(topics.ualRaw(), topics.signInRaw()));
      return new BacktestResult(
          replay.report(),
          pipeline.count(topics.events()),
          pipeline.count(topics.late()),
          deadLetters,
          AlertJsonLines.latestSorted(pipeline.alerts().latestRevisions()),
          pipeline.alerts().allRevisions().size(),
          pipeline.brokerStartup(),
          pipeline.detectorStartup(),
          processingTime);
    }
  }
}
