package io.stormwatch.kafka.embedded;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients against an embedded broker, for the integration tests. */
final class KafkaTestClients {

  static final Duration PATIENCE = Duration.ofMinutes(3);

  private KafkaTestClients() {}

  static void createTopic(String bootstrapServers, String topic, int partitions)
      throws ExecutionException, InterruptedException {
    try (Admin admin = admin(bootstrapServers)) {
      admin
          .createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
          .all()
          .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("topic " + topic + " was not created in time", e);
    }
  }

  static java.util.Set<String> listTopics(String bootstrapServers)
      throws ExecutionException, InterruptedException {
    try (Admin admin = admin(bootstrapServers)) {
      return admin.listTopics().names().get();
    }
  }

  static Admin admin(String bootstrapServers) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** Sends {@code values} in one committed transaction. */
  static void produceCommitted(
      String bootstrapServers, String transactionalId, String topic, List<String> values) {
    try (KafkaProducer<String, String> producer =
        transactionalProducer(bootstrapServers, transactionalId)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value, value));
      }
      producer.commitTransaction();
    }
  }

  /** Sends {@code values} in one transaction that is then aborted. */
  static void produceAborted(
      String bootstrapServers, String transactionalId, String topic, List<String> values) {
    try (KafkaProducer<String, String> producer =
        transactionalProducer(bootstrapServers, transactionalId)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value, value));
      }
      producer.flush();
      producer.abortTransaction();
    }
  }

  static KafkaProducer<String, String> transactionalProducer(
      String bootstrapServers, String transactionalId) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(properties);
  }

  /**
   * Reads {@code topic} from the beginning in consumer group {@code groupId}, seeing only committed
   * records, until {@code expectedCount} values arrived; fails after {@link #PATIENCE}.
   */
  static List<String> consumeCommitted(
      String bootstrapServers, String groupId, String topic, int expectedCount) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(PATIENCE)
          .pollInSameThread()
          .pollInterval(Duration.ZERO)
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  values.add(record.value());
                }
                return values.size() >= expectedCount;
              });
      consumer.commitSync();
    }
    return values;
  }
}
