package io.stormwatch.detector.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.config.TopicNames;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.stormwatch.kafka.embedded.EmbeddedKafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Topics Stormwatch creates keep what they hold for the retention, counted the right way. */
class TopicProvisionerIT {

  private static final TopicNames NAMES =
      new TopicNames(
          "ual", "signin", "events", "dlq", "late", "alerts", Optional.of("alerts.ocsf"));

  @Test
  void alertsRaisedFromYearOldEventsOutliveARetentionCheckThatRemovesYearOldEvents()
      throws Exception {
    EmbeddedKafkaSettings settings =
        EmbeddedKafkaSettings.defaults()
            .withBrokerProperty("log.initial.task.delay.ms", "0")
            .withBrokerProperty("log.retention.check.interval.ms", "200");
    long aYearAgo = Instant.now().minus(Duration.ofDays(365)).toEpochMilli();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings);
        Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      new TopicProvisioner(admin)
          .ensureTopics(
              NAMES,
              StormwatchConfig.from(Map.of(StormwatchConfig.TOPIC_PARTITIONS, "1")).topicLayout());

      // A backtest of year-old logs: events and the alerts they raise carry the event time.
      try (var producer =
          new KafkaProducer<>(
              Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
              new StringSerializer(),
              new StringSerializer())) {
        for (String topic : List.of("events", "alerts", "alerts.ocsf")) {
          producer.send(new ProducerRecord<>(topic, null, aYearAgo, "k", "v")).get();
        }
      }

      // The event is past Microsoft's 180 days of history and goes; the alerts were raised now.
      await().atMost(Duration.ofMinutes(2)).until(() -> logStart(admin, "events") == 1);
      assertThat(logStart(admin, "alerts")).isZero();
      assertThat(logStart(admin, "alerts.ocsf")).isZero();
    }
  }

  private static long logStart(Admin admin, String topic) throws Exception {
    TopicPartition partition = new TopicPartition(topic, 0);
    return admin
        .listOffsets(Map.of(partition, OffsetSpec.earliest()))
        .all()
        .get()
        .get(partition)
        .offset();
  }
}
