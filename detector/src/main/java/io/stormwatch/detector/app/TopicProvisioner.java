package io.stormwatch.detector.app;

import io.stormwatch.detector.config.TopicLayout;
import io.stormwatch.detector.config.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the pipeline's topics that do not exist yet, with the configured partitions, replication
 * and retention (and raw and dead-letter topics that accept the largest raw message the normaliser
 * reads), and checks that the two raw topics have the same partition count.
 */
public final class TopicProvisioner {

  private static final Duration METADATA_WAIT = Duration.ofSeconds(30);

  /**
   * Raw, normalised, late and dead-lettered records keep their event time as timestamp, so that
   * retention follows Microsoft's (180 days of audit history).
   */
  static final String EVENT_TIMESTAMPS = "CreateTime";

  /**
   * Alerts carry their event times in their fields; their record timestamps are the time they were
   * raised, so that retention keeps an alert from a backtest of year-old logs instead of deleting
   * it as soon as it is written.
   */
  static final String ALERT_TIMESTAMPS = "LogAppendTime";

  private final Admin admin;

  public TopicProvisioner(Admin admin) {
    this.admin = admin;
  }

  /**
   * Ensures every topic of {@code names} exists.
   *
   * @return the topics it created
   * @throws IllegalStateException if the raw topics exist with different partition counts
   */
  public List<String> ensureTopics(TopicNames names, TopicLayout layout)
      throws InterruptedException, ExecutionException {
    List<String> alertTopics = new ArrayList<>(List.of(names.alerts()));
    names.ocsfAlerts().ifPresent(alertTopics::add);
    List<String> wanted =
        new ArrayList<>(
            List.of(names.ualRaw(), names.signInRaw(), names.deadLetters(), names.late()));
    if (names.eventsWritten()) {
      wanted.add(names.events());
    }
    wanted.addAll(alertTopics);
    Set<String> existing = admin.listTopics().names().get();
    List<NewTopic> missing = new ArrayList<>();
    // Raw messages up to the normaliser's limit reach it, and the dead-letter topic keeps them.
    Set<String> carryingRawMessages =
        Set.of(names.ualRaw(), names.signInRaw(), names.deadLetters());
    for (String topic : wanted) {
      if (!existing.contains(topic)) {
        NewTopic newTopic =
            new NewTopic(topic, Optional.of(layout.partitions()), layout.replicationFactor());
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(layout.retention().toMillis()));
        configs.put(
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
            alertTopics.contains(topic) ? ALERT_TIMESTAMPS : EVENT_TIMESTAMPS);
        if (carryingRawMessages.contains(topic)) {
          configs.put(
              TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
              Integer.toString(layout.maxTopicMessageBytes()));
        }
        newTopic.configs(configs);
        missing.add(newTopic);
      }
    }
    if (!missing.isEmpty()) {
      admin.createTopics(missing).all().get();
    }
    // createTopics completes once the controller has them; the broker takes them on a moment later
    TopicReadiness.await(admin, wanted, METADATA_WAIT);
    checkRawTopicsAreCopartitioned(names);
    return missing.stream().map(NewTopic::name).toList();
  }

  private void checkRawTopicsAreCopartitioned(TopicNames names)
      throws InterruptedException, ExecutionException {
    Map<String, TopicDescription> raw =
        admin.describeTopics(List.of(names.ualRaw(), names.signInRaw())).allTopicNames().get();
    int ual = raw.get(names.ualRaw()).partitions().size();
    int signIn = raw.get(names.signInRaw()).partitions().size();
    if (ual != signIn) {
      throw new IllegalStateException(
          "Raw topics must have the same partition count so that a tenant's UAL and sign-in records meet in one task: "
              + names.ualRaw()
              + " has "
              + ual
              + ", "
              + names.signInRaw()
              + " has "
              + signIn);
    }
  }
}
