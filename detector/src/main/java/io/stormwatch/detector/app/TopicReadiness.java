package io.stormwatch.detector.app;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until newly created topics are served by the broker with a leader for every partition.
 *
 * <p>Creating a topic returns once the controller has committed it; the broker's own metadata can
 * lag behind, the more so on a busy machine. A Kafka Streams application started in that gap finds
 * its source topic missing and shuts down (MissingSourceTopicException); a producer can stall (see
 * {@link #servesEveryPartition}).
 */
public final class TopicReadiness {

  private static final Duration LOOK_INTERVAL = Duration.ofMillis(50);

  private TopicReadiness() {}

  /**
   * @throws IllegalStateException if the topics are not ready within {@code timeout}
   */
  public static void await(Admin admin, Collection<String> topics, Duration timeout)
      throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready(admin, topics)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics not ready within " + timeout + ": " + topics);
      }
      Thread.sleep(LOOK_INTERVAL.toMillis());
    }
  }

  private static boolean ready(Admin admin, Collection<String> topics)
      throws InterruptedException, ExecutionException {
    Map<String, TopicDescription> descriptions;
    try {
      descriptions = admin.describeTopics(topics).allTopicNames().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RetriableException) {
        return false; // e.g. the broker does not know the topic yet
      }
      throw e;
    }
    boolean leadersKnown =
        descriptions.values().stream()
            .flatMap(d -> d.partitions().stream())
            .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    return leadersKnown && servesEveryPartition(admin, descriptions.values());
  }

  /**
   * Whether the leader answers for every partition. Its metadata can name it leader before it has
   * taken the partition on; a producer writing in that gap is told NOT_LEADER_OR_FOLLOWER for its
   * first batch while later ones are in flight, and an idempotent producer then retries them out of
   * sequence until delivery times out.
   */
  private static boolean servesEveryPartition(
      Admin admin, Collection<TopicDescription> descriptions) throws InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription d : descriptions) {
      d.partitions()
          .forEach(
              p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
    }
    try {
      admin.listOffsets(latest).all().get();
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RetriableException) {
        return false;
      }
      throw new IllegalStateException(
          "cannot list the offsets of " + latest.keySet(), e.getCause());
    }
  }
}
