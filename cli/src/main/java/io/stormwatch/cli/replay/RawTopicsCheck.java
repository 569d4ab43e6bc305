package io.stormwatch.cli.replay;

import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.config.TopicLayout;
import io.stormwatch.formats.files.FileLimits;
import io.stormwatch.traffic.replay.ReplaySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Prepares the cluster for a replay: creates the pipeline's topics that are missing (with the
 * configured partitions and retention, as the detector would) and reads what the raw topics accept
 * — how long they keep a record by its timestamp, how far ahead of the clock a timestamp may be,
 * and how large a message may be.
 *
 * @param created topics this check created
 * @param retentionByTopic how long each raw topic keeps records; null for ever
 * @param futureTolerance how far ahead of the broker's clock a raw record's timestamp may be
 * @param maxMessageBytes the largest message the raw and dead-letter topics all accept
 */
public record RawTopicsCheck(
    List<String> created,
    Map<String, Duration> retentionByTopic,
    Duration futureTolerance,
    int maxMessageBytes) {

  /** The broker's default {@code message.max.bytes}, for a topic that does not say. */
  private static final int BROKER_DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024 + 12;

  /**
   * The longest record a replay may send: what the topics accept, less room for its key and
   * headers.
   */
  public int maxRecordBytes() {
    return Math.max(FileLimits.KEPT_BYTES, maxMessageBytes - TopicLayout.RECORD_OVERHEAD_BYTES);
  }

  /**
   * Checks, creating missing topics.
   *
   * @throws IllegalStateException if the raw topics have different partition counts
   */
  public static RawTopicsCheck prepare(Admin admin, StormwatchConfig config)
      throws InterruptedException, ExecutionException {
    List<String> created =
        new TopicProvisioner(admin).ensureTopics(config.topics(), config.topicLayout());
    List<String> raw = List.of(config.topics().ualRaw(), config.topics().signInRaw());
    List<ConfigResource> resources = new ArrayList<>();
    raw.forEach(topic -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, topic)));
    ConfigResource deadLetters =
        new ConfigResource(ConfigResource.Type.TOPIC, config.topics().deadLetters());
    Map<ConfigResource, Config> configs =
        admin.describeConfigs(concat(resources, deadLetters)).all().get();
    int maxMessageBytes =
        (int)
            Math.min(
                topicNumber(
                    configs.get(deadLetters),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    BROKER_DEFAULT_MAX_MESSAGE_BYTES),
                Integer.MAX_VALUE);
    Map<String, Duration> retention = new LinkedHashMap<>();
    Duration tolerance = null;
    for (ConfigResource resource : resources) {
      Config topicConfig = configs.get(resource);
      long retentionMs = topicNumber(topicConfig, TopicConfig.RETENTION_MS_CONFIG, -1);
      retention.put(resource.name(), retentionMs < 0 ? null : Duration.ofMillis(retentionMs));
      long afterMs =
          topicNumber(
              topicConfig,
              TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG,
              ReplaySettings.DEFAULT_FUTURE_TOLERANCE.toMillis());
      Duration after = Duration.ofMillis(afterMs);
      tolerance = tolerance == null || after.compareTo(tolerance) < 0 ? after : tolerance;
      long topicMax =
          topicNumber(
              topicConfig, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, BROKER_DEFAULT_MAX_MESSAGE_BYTES);
      maxMessageBytes = (int) Math.min(maxMessageBytes, topicMax);
    }
    return new RawTopicsCheck(created, retention, tolerance, maxMessageBytes);
  }

  private static List<ConfigResource> concat(List<ConfigResource> list, ConfigResource one) {
    List<ConfigResource> all = new ArrayList<>(list);
    all.add(one);
    return all;
  }

  /** A numeric topic setting (milliseconds, bytes), or {@code fallback}. */
  private static long topicNumber(Config config, String key, long fallback) {
    ConfigEntry entry = config == null ? null : config.get(key);
    if (entry == null || entry.value() == null) {
      return fallback;
    }
    try {
      return Long.parseLong(entry.value().trim());
    } catch (NumberFormatException unexpected) {
      return fallback;
    }
  }
}
