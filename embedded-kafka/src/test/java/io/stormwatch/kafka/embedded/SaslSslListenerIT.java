package io.stormwatch.kafka.embedded;

import static io.stormwatch.kafka.embedded.KafkaTestClients.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker started with a SASL_SSL listener lets in SCRAM-SHA-512 users over TLS, refuses wrong
 * passwords and untrusting clients at once, and keeps its PLAINTEXT listener.
 */
class SaslSslListenerIT {

  private static final String USER = "detector";
  private static final String PASSWORD = TlsMaterial.randomPassword();

  @TempDir static Path dir;

  private static TlsMaterial tls;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startSecureBroker() throws Exception {
    tls = TlsMaterial.createIn(dir);
    broker =
        EmbeddedKafkaBroker.start(
            EmbeddedKafkaSettings.defaults()
                .withSaslSslListener(
                    SaslSslListener.withKeyStore(tls.keyStore(), tls.keyStorePassword())
                        .withScramUser(USER, PASSWORD)));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aScramUserProducesAndConsumesOverTls() throws Exception {
    Map<String, Object> client = secureClient(PASSWORD);
    try (Admin admin = Admin.create(client)) {
      admin
          .createTopics(List.of(new NewTopic("secured", 1, (short) 1)))
          .all()
          .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("secured", "k", "over TLS")).get();
    }

    Map<String, Object> consumerConfig = new HashMap<>(client);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition("secured", 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<String> values = new ArrayList<>();
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
                return !values.isEmpty();
              });
      assertThat(values).containsExactly("over TLS");
    }
  }

  @Test
  void aWrongPasswordIsRefusedAtOnce() {
    try (Admin admin = Admin.create(secureClient("not-" + PASSWORD))) {
      assertThatThrownBy(
              () -> admin.listTopics().names().get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SaslAuthenticationException.class)
          .hasMessageContaining("invalid credentials");
    }
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused() {
    Map<String, Object> client = secureClient(PASSWORD);
    client.remove(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);
    client.remove(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG);
    try (Admin admin = Admin.create(client)) {
      assertThatThrownBy(
              () -> admin.listTopics().names().get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SslAuthenticationException.class);
    }
  }

  @Test
  void thePlaintextListenerStaysOnItsOwnPort() throws Exception {
    assertThat(broker.saslSslBootstrapServers())
        .matches("localhost:\\d+")
        .isNotEqualTo(broker.bootstrapServers());
    assertThat(KafkaTestClients.listTopics(broker.bootstrapServers())).isNotNull();
  }

  @Test
  void aBrokerWithoutTheListenerSaysSo() {
    try (EmbeddedKafkaBroker plain = EmbeddedKafkaBroker.start()) {
      assertThatThrownBy(plain::saslSslBootstrapServers)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("without a SASL_SSL listener");
    }
  }

  private static Map<String, Object> secureClient(String password) {
    Map<String, Object> client = new HashMap<>();
    client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.saslSslBootstrapServers());
    client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    client.put(SaslConfigs.SASL_MECHANISM, SaslSslListener.SCRAM_MECHANISM);
    client.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + USER
            + "\" password=\""
            + password
            + "\";");
    client.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
    client.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.trustStore().toString());
    client.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.trustStorePassword());
    return client;
  }
}
