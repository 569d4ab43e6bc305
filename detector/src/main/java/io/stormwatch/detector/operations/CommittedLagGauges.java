package io.stormwatch.detector.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.stormwatch.detector.app.ConsumerGroupLag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many records of each source topic the detector's consumer group has not committed yet, from
 * the group's committed offsets: the same figure on every instance, and still there while a
 * rebalance has taken the consumers' own lag metrics away. Sampled in the background so that a
 * scrape never waits on the cluster; unknown (NaN) while the cluster cannot be asked.
 */
final class CommittedLagGauges implements MeterBinder, AutoCloseable {

  static final String NAME = "stormwatch.committed.lag.records";

  private static final Logger log = LoggerFactory.getLogger(CommittedLagGauges.class);
  private static final Duration INTERVAL = Duration.ofSeconds(15);

  private final Admin admin;
  private final String groupId;
  private final List<String> topics;
  private final Map<String, Double> lagByTopic = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sampler;

  /**
   * Starts sampling the lag of {@code groupId} on {@code topics}; takes ownership of {@code admin}.
   */
  CommittedLagGauges(Admin admin, String groupId, List<String> topics) {
    this.admin = admin;
    this.groupId = groupId;
    this.topics = List.copyOf(topics);
    topics.forEach(topic -> lagByTopic.put(topic, Double.NaN));
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "stormwatch-lag-sampler");
              thread.setDaemon(true);
              return thread;
            });
    sampler.scheduleWithFixedDelay(this::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sample() {
    try {
      new ConsumerGroupLag(admin)
          .byTopic(groupId, topics)
          .forEach((topic, lag) -> lagByTopic.put(topic, lag.doubleValue()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException e) {
      log.debug("cannot read the committed lag of group {} on {}", groupId, topics, e);
      topics.forEach(topic -> lagByTopic.put(topic, Double.NaN));
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String topic : topics) {
      Gauge.builder(NAME, lagByTopic, lags -> lags.getOrDefault(topic, Double.NaN))
          .description(
              "Records of the topic the detector's consumer group has not committed (group-wide).")
          .tag("topic", topic)
          .register(registry);
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
