package io.stormwatch.detector.testing;

import io.stormwatch.detector.app.TopicProvisioner;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.kafka.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One detector pipeline on an embedded broker for a real-broker test: topics and application id
 * under a prefix of their own, so that tests sharing a broker do not meet.
 */
public final class BrokerTestPipeline {

  private final EmbeddedKafkaBroker broker;
  private final String prefix;
  private final Path stateRoot;

  /**
   * @param stateRoot where the pipeline's instances keep their state, one directory each
   */
  public BrokerTestPipeline(EmbeddedKafkaBroker broker, Path stateRoot) {
    this.broker = broker;
    this.prefix = "it-" + System.nanoTime() + "-";
    this.stateRoot = stateRoot;
  }

  /**
   * The configuration of one instance, with a state directory named {@code instance} and {@code
   * extra} settings on top; every instance shares the application id.
   */
  public StormwatchConfig instance(String instance, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put("application.id", prefix + "detector");
    settings.put("state.dir", directory(instance).toString());
    settings.put("topic.ual.raw", prefix + "ual");
    settings.put("topic.signin.raw", prefix + "signin");
    settings.put("topic.events", prefix + "events");
    settings.put("topic.dlq", prefix + "dlq");
    settings.put("topic.late", prefix + "late");
    settings.put("topic.alerts", prefix + "alerts");
    settings.put("topic.partitions", "2");
    settings.put("metrics.port", "-1");
    settings.putAll(extra);
    return StormwatchConfig.from(settings);
  }

  /** Creates the pipeline's topics and waits until the broker serves them. */
  public void createTopics(StormwatchConfig config)
      throws InterruptedException, ExecutionException {
    try (Admin admin = admin()) {
      new TopicProvisioner(admin).ensureTopics(config.topics(), config.topicLayout());
    }
  }

  public Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
  }

  /** A producer of raw records; {@link #send} keys them by tenant as the raw topics are. */
  public KafkaProducer<byte[], byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  public static void send(
      KafkaProducer<byte[], byte[]> producer, String topic, String tenant, byte[] value) {
    producer.send(new ProducerRecord<>(topic, tenant.getBytes(StandardCharsets.UTF_8), value));
  }

  private Path directory(String instance) {
    try {
      return Files.createDirectories(stateRoot.resolve(prefix + instance));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
