package io.stormwatch.cli.chaos;

import io.stormwatch.detector.config.StormwatchConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;

/**
 * Holds detector processes to a pace with broker fetch quotas on their main consumers, so that a
 * recording that is all on the broker is still read over a while. Kafka Streams names its main
 * consumers {@code <client.id>-StreamThread-<n>-consumer}; the restore consumers stay unlimited, so
 * restoring state after a fault is not slowed down.
 *
 * <p>A quota holds a consumer to a rate by delaying its next fetch after one that was too big, so
 * the pace is only as even as fetches are small: the recording is published in small uncompressed
 * batches (the quota counts the bytes fetched) and fetched a few at a time.
 */
final class FetchPace {

  /** Producer settings of the publisher of a paced recording. */
  static final Map<String, String> PUBLISHING =
      Map.of(
          StormwatchConfig.KAFKA_PREFIX + ProducerConfig.BATCH_SIZE_CONFIG, "16384",
          StormwatchConfig.KAFKA_PREFIX + ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");

  /** Detector settings of a paced instance. */
  static final Map<String, String> FETCHING =
      Map.of(
          StormwatchConfig.KAFKA_PREFIX + "main.consumer." + ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
          "65536",
          StormwatchConfig.KAFKA_PREFIX
              + "main.consumer."
              + ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
          "16384");

  /**
   * Broker settings: a quota is enforced over the last {@code quota.window.num} seconds, 11 by
   * default, so a process restarted after a few seconds down could read that much faster until it
   * had made up for them; over two seconds, the pace holds across restarts.
   */
  static final Map<String, String> BROKER = Map.of("quota.window.num", "2");

  private static final String CONSUMER_BYTE_RATE = "consumer_byte_rate";

  private final Admin admin;
  private final List<ClientQuotaEntity> consumers = new ArrayList<>();

  /** The pace of the instances named {@code clientIds}, each with {@code streamThreads} threads. */
  FetchPace(Admin admin, List<String> clientIds, int streamThreads) {
    this.admin = admin;
    for (String clientId : clientIds) {
      for (int thread = 1; thread <= streamThreads; thread++) {
        consumers.add(
            new ClientQuotaEntity(
                Map.of(
                    ClientQuotaEntity.CLIENT_ID,
                    clientId + "-StreamThread-" + thread + "-consumer")));
      }
    }
  }

  /** Each instance may read {@code bytes} per {@code pace}, the same for every thread. */
  void hold(long bytes, Duration pace) throws InterruptedException, ExecutionException {
    alter(Math.max(1024, Math.floor(bytes * 1000.0 / pace.toMillis())));
  }

  /** Lifts the quotas. */
  void release() throws InterruptedException, ExecutionException {
    alter(null);
  }

  private void alter(Double bytesPerSecond) throws InterruptedException, ExecutionException {
    List<ClientQuotaAlteration> alterations = new ArrayList<>();
    for (ClientQuotaEntity consumer : consumers) {
      alterations.add(
          new ClientQuotaAlteration(
              consumer, List.of(new ClientQuotaAlteration.Op(CONSUMER_BYTE_RATE, bytesPerSecond))));
    }
    admin.alterClientQuotas(alterations).all().get();
  }
}
