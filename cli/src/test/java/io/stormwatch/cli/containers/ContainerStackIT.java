package io.stormwatch.cli.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stormwatch.cli.CommandRun;
import io.stormwatch.cli.simulate.SimulateCommand;
import io.stormwatch.detector.app.DetectorApplication;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.registry.RegistrySchemaResolver;
import io.stormwatch.schemas.serde.ConfluentAvroDeserializer;
import io.stormwatch.schemas.serde.ConfluentWireFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The stack of docker-compose.yml in containers — Apache Kafka (KRaft) and Apicurio Registry at the
 * versions the build tests — with the detector in this JVM and simulated tenants published by
 * {@code simulate --publish}: alerts arrive, tagged with the registry's schema id. Needs a Docker
 * engine; skipped without one (the same pipeline runs on the embedded broker in the other ITs).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerStackIT {

  @Container
  static final KafkaContainer KAFKA =
      new KafkaContainer("apache/kafka:" + System.getProperty("kafka.version"));

  @Container
  static final GenericContainer<?> REGISTRY =
      new GenericContainer<>(
              "apicurio/apicurio-registry-mem:" + System.getProperty("apicurio-registry.version"))
          .withExposedPorts(8080)
          .waitingFor(
              Wait.forHttp("/apis/ccompat/v7/subjects")
                  .forStatusCode(200)
                  .withStartupTimeout(Duration.ofMinutes(3)));

  @TempDir Path stateDir;

  @Test
  void simulatedAttacksBecomeAlertsWithRegistryIds() throws Exception {
    String registryUrl =
        "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8080) + "/apis/ccompat/v7";
    StormwatchConfig config =
        StormwatchConfig.from(
            Map.of(
                "bootstrap.servers",
                KAFKA.getBootstrapServers(),
                "state.dir",
                stateDir.toString(),
                "topic.replication.factor",
                "1",
                "schema.registry.url",
                registryUrl));

    CommandRun published =
        CommandRun.of(
            new SimulateCommand(),
            "--publish",
            "--bootstrap-servers",
            KAFKA.getBootstrapServers(),
            "--set",
            "topic.replication.factor=1",
            "--tenants",
            "2",
            "--users-per-tenant",
            "10",
            "--hours",
            "6");
    assertThat(published.exitCode()).as(published.toString()).isZero();

    try (var detector = new DetectorApplication(config, IpIntelligence.loadBundled())) {
      int alertSchemaId = detector.schemaIds().get(config.topics().alerts() + "-value");
      detector.start();
      var alerts =
          new ConfluentAvroDeserializer<Alert>(
              Alert.getClassSchema(),
              new RegistrySchemaResolver(config.schemaRegistry().orElseThrow()));
      List<Alert> read = new ArrayList<>();
      try (var consumer = consumer(config.topics().alerts())) {
        await()
            .atMost(Duration.ofMinutes(5))
            .until(
                () -> {
                  consumer
                      .poll(Duration.ofMillis(500))
                      .forEach(
                          r -> {
                            assertThat(ConfluentWireFormat.schemaId(r.value()))
                                .isEqualTo(alertSchemaId);
                            read.add(alerts.deserialize(r.topic(), r.value()));
                          });
                  return !read.isEmpty();
                });
      }
      assertThat(read).allSatisfy(alert -> assertThat(alert.getRuleId()).isNotBlank());
    }
  }

  private static KafkaConsumer<String, byte[]> consumer(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "container-stack-it");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
