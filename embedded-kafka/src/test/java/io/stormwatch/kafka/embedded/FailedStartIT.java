package io.stormwatch.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker that cannot start must fail its caller, not halt the JVM (as standalone Kafka does). */
class FailedStartIT {

  @Test
  void aControllerThatCannotStartFailsStartAndLeavesNothingRunning(@TempDir Path directory) {
    Path dataDirectory = directory.resolve("kafka");
    EmbeddedKafkaSettings settings =
        EmbeddedKafkaSettings.defaults()
            .withDataDirectory(dataDirectory)
            .withBrokerProperty(
                "create.topic.policy.class.name", RefusingCreateTopicPolicy.class.getName());

    assertThatThrownBy(() -> EmbeddedKafkaBroker.start(settings))
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasStackTraceContaining("this policy refuses to be configured");

    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(() -> assertThat(kafkaServerThreads()).isEmpty());
    // The same directory starts fine once the configuration is fixed.
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(
            EmbeddedKafkaSettings.defaults().withDataDirectory(dataDirectory))) {
      assertThat(broker.bootstrapServers()).startsWith("localhost:");
    }
  }

  /** Threads that exist only while a broker of this JVM runs. */
  private static List<String> kafkaServerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(
            name ->
                name.contains("raft-io-thread")
                    || name.startsWith("data-plane-kafka-request-handler")
                    || name.startsWith("quorum-controller-"))
        .toList();
  }
}
