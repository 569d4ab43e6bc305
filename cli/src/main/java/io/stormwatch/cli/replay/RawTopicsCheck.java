package io.stormwatch.cli.replay;

import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.sim.replay.ReplaySettings;
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
 * — how long they keep a record by its timestamp, and how far ahead of the clock a timestamp may
 * be.
 *
 * @param created topics this check created
 * @param retentionByTopic how long each raw topic keeps records; null for ever
 * @param futureTolerance how far ahead of the broker's clock a raw record's timestamp may be
 */
public record RawTopicsCheck(
    List<String> created, Map<String, Duration> retentionByTopic, Duration futureTolerance) {

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
    Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
    Map<String, Duration> retention = new LinkedHashMap<>();
    Duration tolerance = null;
    for (ConfigResource resource : resources) {
      Config topicConfig = configs.get(resource);
      long retentionMs = millis(topicConfig, TopicConfig.RETENTION_MS_CONFIG, -1);
      retention.put(resource.name(), retentionMs < 0 ? null : Duration.ofMillis(retentionMs));
      long afterMs =
          millis(
              topicConfig,
              TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG,
              ReplaySettings.DEFAULT_FUTURE_TOLERANCE.toMillis());
      Duration after = Duration.ofMillis(afterMs);
      tolerance = tolerance == null || after.compareTo(tolerance) < 0 ? after : tolerance;
    }
    return new RawTopicsCheck(created, retention, tolerance);
  }

  private static long millis(Config config, String key, long fallback) {
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
