package io.stormwatch.cli.replay;

import io.stormwatch.cli.options.ClusterOptions;
import io.stormwatch.cli.pipeline.DetectorPacing;
import io.stormwatch.cli.pipeline.PipelineDrain;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.config.TopicNames;
import io.stormwatch.formats.files.FileLimits;
import io.stormwatch.traffic.publish.RawTopicNames;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import io.stormwatch.traffic.replay.ReplayProgress;
import io.stormwatch.traffic.replay.ReplayReport;
import io.stormwatch.traffic.replay.ReplaySettings;
import io.stormwatch.traffic.replay.Replayer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Replays recordings into one cluster: prepares its topics ({@link RawTopicsCheck}), then sends
 * with a {@link RawTopicPublisher} to the topics named by the detector's settings.
 *
 * @param report what was read, sent and rejected
 * @param topics what the check found and created
 */
public record ClusterReplay(ReplayReport report, RawTopicsCheck topics) {

  /** Acknowledgements between progress reports of the publisher. */
  private static final long PUBLISHER_PROGRESS_EVERY = 10_000;

  /**
   * Prepares the topics and replays {@code files}.
   *
   * @param settings speed, range and sorting; the dead-letter topic, the broker's future tolerance
   *     and the largest record are taken from the cluster
   */
  public static ClusterReplay run(
      StormwatchConfig config, List<Path> files, ReplaySettings settings, ReplayProgress progress)
      throws Exception {
    try (Admin admin = Admin.create(ClusterOptions.clientConfig(config))) {
      RawTopicsCheck check = RawTopicsCheck.prepare(admin, config);
      TopicNames topics = config.topics();
      ReplaySettings effective =
          settings
              .withDeadLetterTopic(topics.deadLetters())
              .withFutureTolerance(check.futureTolerance())
              .withFileLimits(
                  new FileLimits(
                      check.maxRecordBytes(), settings.fileLimits().maxExpansionRatio()));
      Map<String, Object> producerSettings = new HashMap<>(config.kafkaOverrides());
      // Records as large as the topics take; a larger one is refused by the reader, not the broker.
      producerSettings.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, check.maxMessageBytes());
      try (RawTopicPublisher publisher =
          RawTopicPublisher.connect(
              config.bootstrapServers(),
              new RawTopicNames(topics.ualRaw(), topics.signInRaw()),
              producerSettings,
              acknowledged -> {},
              PUBLISHER_PROGRESS_EVERY)) {
        Runnable betweenSteps =
            settings.speed().isMax()
                ? pacingToRunningDetector(admin, config, publisher).orElse(() -> {})
                : () -> {};
        ReplayReport report =
            new Replayer(effective, progress).replay(files, publisher, betweenSteps);
        return new ClusterReplay(report, check);
      }
    }
  }

  /**
   * At full speed, replay no faster than a detector already consuming the raw topics (its consumer
   * group, {@code application.id}, has members), so that its merge of the two raw topics stays in
   * event-time order; without a running detector there is nothing to wait for.
   */
  private static Optional<Runnable> pacingToRunningDetector(
      Admin admin, StormwatchConfig config, RawTopicPublisher publisher)
      throws InterruptedException, ExecutionException {
    ConsumerGroupDescription group;
    try {
      group =
          admin
              .describeConsumerGroups(List.of(config.applicationId()))
              .all()
              .get()
              .get(config.applicationId());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
    if (group == null || group.members().isEmpty()) {
      return Optional.empty();
    }
    List<String> raw = List.of(config.topics().ualRaw(), config.topics().signInRaw());
    return Optional.of(
        new DetectorPacing(
            publisher::sent, new PipelineDrain(admin, config.applicationId()).lagOf(raw)));
  }
}
