package io.stormwatch.kafka.embedded;

import static io.stormwatch.kafka.embedded.KafkaTestClients.consumeCommitted;
import static io.stormwatch.kafka.embedded.KafkaTestClients.createTopic;
import static io.stormwatch.kafka.embedded.KafkaTestClients.listTopics;
import static io.stormwatch.kafka.embedded.KafkaTestClients.produceAborted;
import static io.stormwatch.kafka.embedded.KafkaTestClients.produceCommitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaBrokerIT {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBrokerIT.class);

  @Test
  void transactionalRecordsReachAReadCommittedConsumerGroupAndCloseDeletesTheData()
      throws Exception {
    long startingAt = System.nanoTime();
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
    long startMillis = millisSince(startingAt);
    Path dataDirectory = broker.dataDirectory();
    try {
      assertThat(broker.bootstrapServers()).matches("localhost:\\d+");
      assertThat(dataDirectory).isDirectory();

      createTopic(broker.bootstrapServers(), "sign-ins", 3);
      produceAborted(broker.bootstrapServers(), "aborting-producer", "sign-ins", List.of("x", "y"));
      produceCommitted(
          broker.bootstrapServers(), "committing-producer", "sign-ins", List.of("a", "b", "c"));

      List<String> values = consumeCommitted(broker.bootstrapServers(), "detector", "sign-ins", 3);

      assertThat(values).containsExactlyInAnyOrder("a", "b", "c");
    } finally {
      long stoppingAt = System.nanoTime();
      broker.close();
      log.info("embedded broker: start {} ms, close {} ms", startMillis, millisSince(stoppingAt));
    }
    assertThat(dataDirectory).doesNotExist();
  }

  @Test
  void closeIsIdempotent() {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
    broker.close();
    broker.close();
    assertThat(broker.dataDirectory()).doesNotExist();
  }

  @Test
  void twoBrokersRunSideBySideInOneJvm() throws Exception {
    CompletableFuture<EmbeddedKafkaBroker> startingFirst =
        CompletableFuture.supplyAsync(EmbeddedKafkaBroker::start);
    CompletableFuture<EmbeddedKafkaBroker> startingSecond =
        CompletableFuture.supplyAsync(EmbeddedKafkaBroker::start);
    try (EmbeddedKafkaBroker first = startingFirst.get(2, TimeUnit.MINUTES);
        EmbeddedKafkaBroker second = startingSecond.get(2, TimeUnit.MINUTES)) {
      assertThat(first.bootstrapServers()).isNotEqualTo(second.bootstrapServers());
      assertThat(first.dataDirectory()).isNotEqualTo(second.dataDirectory());

      createTopic(first.bootstrapServers(), "only-on-first", 1);
      createTopic(second.bootstrapServers(), "only-on-second", 1);
      produceCommitted(first.bootstrapServers(), "tx", "only-on-first", List.of("one"));
      produceCommitted(second.bootstrapServers(), "tx", "only-on-second", List.of("two"));

      assertThat(consumeCommitted(first.bootstrapServers(), "g", "only-on-first", 1))
          .containsExactly("one");
      assertThat(consumeCommitted(second.bootstrapServers(), "g", "only-on-second", 1))
          .containsExactly("two");
      assertThat(listTopics(first.bootstrapServers())).doesNotContain("only-on-second");
      assertThat(listTopics(second.bootstrapServers())).doesNotContain("only-on-first");
    } finally {
      startingFirst.thenAccept(EmbeddedKafkaBroker::close);
      startingSecond.thenAccept(EmbeddedKafkaBroker::close);
    }
  }

  @Test
  void topicsAreNotCreatedAutomatically() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    2_000),
                new StringSerializer(),
                new StringSerializer())) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>("no-such-topic", "k", "v")).get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      assertThat(listTopics(broker.bootstrapServers())).doesNotContain("no-such-topic");
    }
  }

  @Test
  void aCallerOwnedDataDirectoryIsKeptAndItsDataSurvivesARestart(@TempDir Path directory)
      throws Exception {
    Path dataDirectory = directory.resolve("kafka");
    EmbeddedKafkaSettings settings =
        EmbeddedKafkaSettings.defaults().withDataDirectory(dataDirectory);

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings)) {
      createTopic(broker.bootstrapServers(), "kept", 1);
      produceCommitted(broker.bootstrapServers(), "tx", "kept", List.of("survives"));
    }
    assertThat(dataDirectory.resolve("meta.properties")).isRegularFile();

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings)) {
      assertThat(consumeCommitted(broker.bootstrapServers(), "reader", "kept", 1))
          .containsExactly("survives");
    }
    assertThat(dataDirectory).isNotEmptyDirectory();
  }

  @Test
  void aBrokerStartedAgainOnItsClientPortAndDataIsTheSameBrokerToAClientThatStayedUp(
      @TempDir Path directory) throws Exception {
    EmbeddedKafkaSettings settings =
        EmbeddedKafkaSettings.defaults().withDataDirectory(directory.resolve("kafka"));
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings);
    String address = broker.bootstrapServers();
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    try (KafkaProducer<String, String> producer =
        KafkaTestClients.transactionalProducer(address, "stays-up")) {
      createTopic(address, "restarted", 1);
      producer.initTransactions();
      sendCommitted(producer, "restarted", "before");

      broker.close();
      broker = EmbeddedKafkaBroker.start(settings.withClientPort(port));

      assertThat(broker.bootstrapServers()).isEqualTo(address);
      sendCommitted(producer, "restarted", "after");
      assertThat(consumeCommitted(address, "reader", "restarted", 2))
          .containsExactly("before", "after");
    } finally {
      broker.close();
    }
  }

  private static void sendCommitted(
      KafkaProducer<String, String> producer, String topic, String value) {
    producer.beginTransaction();
    producer.send(new ProducerRecord<>(topic, value, value));
    producer.commitTransaction();
  }

  @Test
  void managedBrokerPropertiesAreRejectedBeforeAnythingStarts() {
    EmbeddedKafkaSettings settings =
        EmbeddedKafkaSettings.defaults().withBrokerProperty("listeners", "PLAINTEXT://:9092");

    assertThatThrownBy(() -> EmbeddedKafkaBroker.start(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listeners");
  }

  private static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }
}
