package io.stormwatch.detector.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Exports every metric of a Kafka Streams client to Micrometer through Micrometer's Kafka Streams
 * binder ({@code kafka.stream.*}, {@code kafka.consumer.*}, {@code kafka.producer.*}, ...),
 * Stormwatch's {@link PipelineCounters} among them. Close it to stop following the client.
 */
public final class StreamsMeters implements MeterBinder, AutoCloseable {

  /**
   * How often the binder looks for metrics Kafka Streams has added or removed, such as those of a
   * task assigned in a rebalance. Micrometer's default of a minute would leave a new task's
   * counters unexported for that long.
   */
  static final Duration REFRESH = Duration.ofSeconds(10);

  private static final String BINDER_PREFIX = "kafka.";
  private static final String OWN_PREFIX =
      BINDER_PREFIX + PipelineCounters.GROUP.replace("-metrics", "") + ".";
  private static final String STATE_PREFIX = BINDER_PREFIX + "stream.state.";
  private static final String STORE_TAG = "state.id";
  private static final String STORE_TAG_SUFFIX = "." + STORE_TAG;

  private final ScheduledExecutorService refresher;
  private final KafkaStreamsMetrics binder;

  public StreamsMeters(KafkaStreams streams) {
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "stormwatch-metrics-refresh");
              thread.setDaemon(true);
              return thread;
            });
    this.binder = new KafkaStreamsMetrics(streams, Tags.empty(), refresher, REFRESH);
  }

  /**
   * Gives the exported meters names Prometheus can take; configure it on a registry before binding.
   * Stormwatch's own counters become {@code stormwatch.*} rather than {@code kafka.stormwatch.*},
   * the name the binder gives every Kafka metric. State store metrics, whose store tag Kafka
   * Streams names after the store type ({@code rocksdb-state-id}, {@code rocksdb-window-state-id},
   * ...), get one {@code state.id} tag instead: Prometheus refuses one name with two sets of tag
   * keys, which would drop one type's metrics. The number of tags stays the same, which the binder
   * relies on when it decides whether a metric is exported already.
   *
   * <p>The price of renaming: the binder removes a meter by the name it gave it, so a renamed store
   * meter of a task that moved to another instance stays, reading NaN, until the task comes back.
   */
  public static MeterFilter naming() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String name = id.getName();
        if (name.startsWith(OWN_PREFIX)) {
          return id.withName(name.substring(BINDER_PREFIX.length()));
        }
        if (name.startsWith(STATE_PREFIX)) {
          return withUniformStoreTag(id);
        }
        return id;
      }
    };
  }

  private static Meter.Id withUniformStoreTag(Meter.Id id) {
    List<Tag> tags = new ArrayList<>();
    for (Tag tag : id.getTagsAsIterable()) {
      boolean storeTag = tag.getKey().endsWith(STORE_TAG_SUFFIX);
      tags.add(storeTag ? Tag.of(STORE_TAG, tag.getValue()) : tag);
    }
    return id.replaceTags(tags);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    binder.bindTo(registry);
  }

  @Override
  public void close() {
    binder.close();
    refresher.shutdownNow();
  }
}
