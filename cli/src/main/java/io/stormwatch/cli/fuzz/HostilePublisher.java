package io.stormwatch.cli.fuzz;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.config.TopicNames;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.hostile.HostileMessage;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends hostile messages to the raw topics as a connector would: the bytes as they are, keyed by
 * tenant, stamped as generated, and notes in a {@link MessageLedger} where each one landed.
 */
final class HostilePublisher {

  private final StormwatchConfig config;

  HostilePublisher(StormwatchConfig config) {
    this.config = config;
  }

  /**
   * Lets the raw topics take records stamped any time ahead, as a topic created before Kafka 4.0 or
   * by hand may: the detector must then cope with a raw record stamped 2999 itself.
   */
  void acceptAnyTimestamp(Admin admin) throws InterruptedException, ExecutionException {
    TopicNames topics = config.topics();
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    for (String topic : List.of(topics.ualRaw(), topics.signInRaw())) {
      changes.put(
          new ConfigResource(ConfigResource.Type.TOPIC, topic),
          List.of(
              new AlterConfigOp(
                  new ConfigEntry(
                      TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG,
                      Long.toString(Long.MAX_VALUE)),
                  AlterConfigOp.OpType.SET)));
    }
    admin.incrementalAlterConfigs(changes).all().get();
  }

  /**
   * Sends every message, then waits until the broker has acknowledged them all.
   *
   * @param progress told the records sent so far
   * @throws IllegalStateException if the broker refused a message
   */
  void publish(Iterator<HostileMessage> messages, MessageLedger ledger, LongConsumer progress) {
    Map<String, Object> producerConfig =
        new HashMap<>(RawTopicPublisher.producerConfig(config.bootstrapServers()));
    producerConfig.putAll(config.kafkaOverrides());
    producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "stormwatch-fuzz");
    producerConfig.put(
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.topicLayout().maxTopicMessageBytes());
    TopicNames topics = config.topics();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (var producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
      long records = 0;
      while (messages.hasNext()) {
        HostileMessage message = messages.next();
        String topic = message.topic() == RawTopic.UAL ? topics.ualRaw() : topics.signInRaw();
        ledger.sent(message);
        producer.send(
            new ProducerRecord<>(topic, null, message.timestamp(), message.key(), message.value()),
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              } else {
                ledger.landed(
                    metadata.topic(),
                    metadata.partition(),
                    metadata.offset(),
                    message.hostileClass());
              }
            });
        records += message.records();
        progress.accept(records);
        if (failure.get() != null) {
          break;
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "the broker refused a hostile message: " + failure.get(), failure.get());
    }
  }
}
