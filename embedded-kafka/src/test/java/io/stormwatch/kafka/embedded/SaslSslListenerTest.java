package io.stormwatch.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class SaslSslListenerTest {

  private static final SaslSslListener LISTENER =
      SaslSslListener.withKeyStore(Path.of("/tls/server.p12"), "keystore-secret")
          .withScramUser("detector", "scram-secret");

  @Test
  void addsTheListenerBesideThePlaintextOneWhichStaysTheBrokersOwn() {
    KafkaConfig config =
        SingleNodeBrokerConfig.create(
            new ListenerPorts(40123, 40124),
            Path.of("/tmp/stormwatch-kafka-test"),
            Map.of(),
            Optional.of(LISTENER));

    assertThat(config.originals())
        .containsEntry(
            "listeners",
            "PLAINTEXT://localhost:40123,CONTROLLER://localhost:40124,SASL_SSL://localhost:0")
        .containsEntry("advertised.listeners", "PLAINTEXT://localhost:40123,SASL_SSL://localhost:0")
        .containsEntry("inter.broker.listener.name", "PLAINTEXT")
        .containsEntry("listener.name.sasl_ssl.sasl.enabled.mechanisms", "SCRAM-SHA-512")
        .containsEntry("listener.name.sasl_ssl.ssl.keystore.location", "/tls/server.p12");
  }

  @Test
  void usersBecomeStorageFormatterArguments() {
    assertThat(LISTENER.scramArguments())
        .containsExactly("SCRAM-SHA-512=[name=detector,password=scram-secret]");
  }

  @Test
  void printsNoPassword() {
    String printed = EmbeddedKafkaSettings.defaults().withSaslSslListener(LISTENER).toString();

    assertThat(printed).contains("detector").doesNotContain("secret");
  }

  @Test
  void refusesWhatTheStorageFormatterCannotParse() {
    SaslSslListener listener = SaslSslListener.withKeyStore(Path.of("/tls/server.p12"), "pw");

    assertThatThrownBy(() -> listener.withScramUser("a,b", "pw"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> listener.withScramUser("a=b", "pw"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> listener.withScramUser("alice", "p,w"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> listener.withScramUser("alice", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
