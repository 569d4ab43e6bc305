package io.stormwatch.cli.evaluation;

import io.stormwatch.cli.pipeline.DetectorPacing;
import io.stormwatch.cli.pipeline.EmbeddedPipeline;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.sim.scenario.ScenarioRecord;
import io.stormwatch.sim.scenario.ScenarioRun;
import io.stormwatch.traffic.publish.EventTimeLockstep;
import io.stormwatch.traffic.publish.RawTopicNames;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Plays a scenario run through the real pipeline on an embedded broker and collects the alerts.
 *
 * <p>Records are published in arrival order, in lockstep on arrival time: everything that arrived
 * in one five-minute step is on the broker before the next step is sent, so a lagging feed reaches
 * the detector as late as it would in production, whatever the replay speed; each record keeps its
 * event time as its Kafka timestamp.
 */
public final class ScenarioReplay {

  /**
   * What the pipeline did with a run.
   *
   * @param revisions every alert revision, in arrival order
   * @param published records published
   * @param normalised records on the normalised topic
   * @param deadLetters records the normaliser rejected
   * @param late records that arrived after the grace period
   * @param publishing wall time spent publishing
   * @param draining wall time from the last record published to the last alert read
   */
  public record Outcome(
      List<Alert> revisions,
      long published,
      long normalised,
      long deadLetters,
      long late,
      Duration publishing,
      Duration draining) {
    public Outcome {
      revisions = List.copyOf(revisions);
    }

    /** One line for people: what was published, how fast, and what the pipeline made of it. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "%d records published in %.1f s, drained in %.1f s; %d normalised, %d dead letters, %d"
              + " late; %d alerts (%d revisions)",
          published,
          publishing.toMillis() / 1000.0,
          draining.toMillis() / 1000.0,
          normalised,
          deadLetters,
          late,
          revisions.stream().map(Alert::getAlertId).distinct().count(),
          revisions.size());
    }
  }

  /**
   * Retention of the topics the evaluation creates. Brokers apply time-based retention against the
   * wall clock; scenario records carry event times months in the past, which the default 180 days
   * would delete while the detector is still reading them.
   */
  static final String KEEP_EVERYTHING = "36500d";

  private ScenarioReplay() {}

  /**
   * Starts the pipeline, publishes the run, waits until the detector has processed everything and
   * the alerts are read, and stops the pipeline.
   *
   * @param settings detector settings on top of the defaults
   * @param drainTimeout how long the detector may take to catch up after the last record
   * @param progress told the number of records acknowledged, now and then
   */
  public static Outcome play(
      ScenarioRun run,
      Map<String, String> settings,
      IpIntelligence ipIntelligence,
      Duration drainTimeout,
      LongConsumer progress)
      throws Exception {
    Map<String, String> withRetention = new java.util.LinkedHashMap<>(settings);
    withRetention.putIfAbsent(StormwatchConfig.TOPIC_RETENTION, KEEP_EVERYTHING);
    try (EmbeddedPipeline pipeline =
        EmbeddedPipeline.start(withRetention, ipIntelligence, a -> {})) {
      var topics = pipeline.config().topics();
      long started = System.nanoTime();
      long published;
      try (RawTopicPublisher publisher =
          RawTopicPublisher.connect(
              pipeline.bootstrapServers(),
              new RawTopicNames(topics.ualRaw(), topics.signInRaw()),
              Map.of(),
              progress,
              5000)) {
        DetectorPacing pacing = pipeline.pacing(publisher::sent);
        published =
            run.run(
                new EventTimeLockstep<ScenarioRecord>(
                    (ScenarioRecord r) -> publisher.send(r.record()),
                    () -> {
                      publisher.flush();
                      pacing.run();
                    },
                    ScenarioRecord::arrivalTime,
                    EventTimeLockstep.DEFAULT_STEP));
        publisher.flush();
      }
      Duration publishing = Duration.ofNanos(System.nanoTime() - started);
      long drainStarted = System.nanoTime();
      pipeline.awaitDrained(drainTimeout, lag -> {});
      Duration draining = Duration.ofNanos(System.nanoTime() - drainStarted);
      return new Outcome(
          pipeline.alerts().allRevisions(),
          published,
          pipeline.count(topics.events()),
          pipeline.count(topics.deadLetters()),
          pipeline.count(topics.late()),
          publishing,
          draining);
    }
  }
}
