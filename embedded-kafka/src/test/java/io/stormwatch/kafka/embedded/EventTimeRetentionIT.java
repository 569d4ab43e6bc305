package io.stormwatch.kafka.embedded;

import static io.stormwatch.kafka.embedded.KafkaTestClients.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Backtests replay audit events with their original, old timestamps: the broker must keep them. */
class EventTimeRetentionIT {

  private static final long THIRTY_DAYS_AGO =
      Instant.now().minus(Duration.ofDays(30)).toEpochMilli();

  @Test
  void recordsWithOldEventTimesSurviveRetentionChecks() throws Exception {
    EmbeddedKafkaSettings settings =
        EmbeddedKafkaSettings.defaults()
            // Run retention checks right away and often instead of after 30 s, every 5 min.
            .withBrokerProperty("log.initial.task.delay.ms", "0")
            .withBrokerProperty("log.retention.check.interval.ms", "200");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings);
        Admin admin = admin(broker.bootstrapServers())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic("replayed-events", 1, (short) 1),
                  // Control: a topic with Kafka's usual 7-day retention loses the same records,
                  // which proves that retention checks did run.
                  new NewTopic("seven-day-topic", 1, (short) 1)
                      .configs(
                          Map.of("retention.ms", Long.toString(Duration.ofDays(7).toMillis())))))
          .all()
          .get();
      produceWithTimestamp(broker.bootstrapServers(), "replayed-events", THIRTY_DAYS_AGO);
      produceWithTimestamp(broker.bootstrapServers(), "seven-day-topic", THIRTY_DAYS_AGO);

      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> earliestOffset(admin, "seven-day-topic") == 3);

      assertThat(earliestOffset(admin, "replayed-events")).isZero();
    }
  }

  private static void produceWithTimestamp(String bootstrapServers, String topic, long timestamp)
      throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(topic, null, timestamp + i, "user", "event-" + i)).get();
      }
    }
  }

  private static long earliestOffset(Admin admin, String topic) throws Exception {
    TopicPartition partition = new TopicPartition(topic, 0);
    return admin
        .listOffsets(Map.of(partition, OffsetSpec.earliest()))
        .all()
        .get()
        .get(partition)
        .offset();
  }
}
