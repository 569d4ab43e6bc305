package io.stormwatch.kafka.embedded;

import static io.stormwatch.kafka.embedded.KafkaTestClients.consumeCommitted;
import static io.stormwatch.kafka.embedded.KafkaTestClients.createTopic;
import static io.stormwatch.kafka.embedded.KafkaTestClients.produceCommitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka Streams with exactly_once_v2 needs transactions on a single node: this proves it. */
class ExactlyOnceStreamsIT {

  @Test
  void anExactlyOnceStreamsAppMapsInputToOutput(@TempDir Path stateDirectory) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      String bootstrapServers = broker.bootstrapServers();
      createTopic(bootstrapServers, "audit-events", 2);
      createTopic(bootstrapServers, "alerts", 2);

      StreamsBuilder builder = new StreamsBuilder();
      builder.stream("audit-events", Consumed.with(Serdes.String(), Serdes.String()))
          .mapValues(value -> value.toUpperCase(java.util.Locale.ROOT))
          .to("alerts", Produced.with(Serdes.String(), Serdes.String()));

      try (KafkaStreams streams =
          new KafkaStreams(builder.build(), streamsConfig(bootstrapServers, stateDirectory))) {
        streams.start();
        produceCommitted(
            bootstrapServers, "audit-producer", "audit-events", List.of("login", "token", "mail"));

        assertThat(consumeCommitted(bootstrapServers, "alert-reader", "alerts", 3))
            .containsExactlyInAnyOrder("LOGIN", "TOKEN", "MAIL");
        streams.close(Duration.ofSeconds(30));
      }
    }
  }

  private static Properties streamsConfig(String bootstrapServers, Path stateDirectory) {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-mapper");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
    // Commit often so that read_committed readers see output quickly.
    properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return properties;
  }
}
