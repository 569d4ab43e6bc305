package io.stormwatch.cli.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.registry.RegistrySchemaResolver;
import io.stormwatch.schemas.registry.SchemaRegistrySettings;
import io.stormwatch.schemas.serde.ConfluentAvroDeserializer;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code docker compose up} of the project's docker-compose.yml, as a user runs it: the simulator
 * publishes, the detector registers its schemas and alerts arrive on the host's port 9092. Needs a
 * Docker engine and the stormwatch image ({@code mvn -Pimage -pl cli -am package -DskipTests}, then
 * {@code docker load -i cli/target/jib-image.tar}); skipped, saying which, without them.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {

  private static final String IMAGE = "stormwatch/stormwatch:latest";

  @BeforeAll
  static void needsTheImage() {
    boolean present =
        !DockerClientFactory.instance()
            .client()
            .listImagesCmd()
            .withImageNameFilter(IMAGE)
            .exec()
            .isEmpty();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        present,
        IMAGE
            + " is not loaded: build it with 'mvn -B -Pimage -pl cli -am package -DskipTests'"
            + " and 'docker load -i cli/target/jib-image.tar'");
  }

  @Test
  void theStackRaisesAlertsFromTheSimulatedTenants() {
    try (ComposeContainer stack =
        new ComposeContainer(new File("../docker-compose.yml"))
            .withLocalCompose(true)
            .waitingFor(
                "detector",
                Wait.forLogMessage(".*Running; Ctrl-C stops it.*", 1)
                    .withStartupTimeout(Duration.ofMinutes(5)))) {
      stack.start();
      var alerts =
          new ConfluentAvroDeserializer<Alert>(
              Alert.getClassSchema(),
              new RegistrySchemaResolver(
                  SchemaRegistrySettings.of("http://localhost:8081/apis/ccompat/v7")));
      List<Alert> read = new ArrayList<>();
      try (var consumer = consumer()) {
        await()
            .atMost(Duration.ofMinutes(10))
            .until(
                () -> {
                  consumer
                      .poll(Duration.ofMillis(500))
                      .forEach(r -> read.add(alerts.deserialize(r.topic(), r.value())));
                  return !read.isEmpty();
                });
      }
      assertThat(read).allSatisfy(alert -> assertThat(alert.getRuleId()).isNotBlank());
    }
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "compose-stack-it");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of("alerts"));
    return consumer;
  }
}
