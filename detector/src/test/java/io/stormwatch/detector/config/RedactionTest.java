package io.stormwatch.detector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required"
          + " username=\"detector\" password=\"s3cr3t-Pa55\";";

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Kafka types these PASSWORD, under any prefix
        "kafka.ssl.keystore.password",
        "kafka.ssl.truststore.password",
        "kafka.ssl.key.password",
        "kafka.ssl.keystore.key",
        "kafka.sasl.jaas.config",
        "kafka.producer.sasl.jaas.config",
        "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
        "sasl.oauthbearer.client.credentials.client.secret",
        // named as secrets: our own future keys
        "schema.registry.password",
        "schema.registry.basic.auth.user.info",
        "schema.registry.bearer.auth.token",
        "oauth.client.secret",
        "alerts.webhook.credentials",
        "kafka_sasl_jaas_config",
        "STORMWATCH_KAFKA_SSL_TRUSTSTORE_PASSWORD"
      })
  void treatsAsSecret(String key) {
    assertThat(Redaction.isSecret(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kafka.ssl.truststore.location",
        "kafka.security.protocol",
        "kafka.sasl.mechanism",
        "bootstrap.servers",
        "schema.registry.url",
        "rule.token-replay.window",
        "rule.token-replay.max.tokens.per.account",
        "rule.orphan-token.grace"
      })
  void showsOrdinarySettings(String key) {
    assertThat(Redaction.isSecret(key)).isFalse();
  }

  @Test
  void theSecretSettingsOfStormwatchAreExactlyItsPasswordTypedOnes() {
    // Password-typed values print as [hidden] in effective settings; a secret key of another type
    // would print in clear there, and a password-typed key that is not "secret" would not be
    // scrubbed from messages.
    var keys = StormwatchConfig.definition().configKeys().values();

    assertThat(keys)
        .filteredOn(key -> Redaction.isSecret(key.name))
        .extracting(key -> key.type)
        .containsOnly(ConfigDef.Type.PASSWORD);
    assertThat(keys)
        .filteredOn(key -> key.type == ConfigDef.Type.PASSWORD)
        .allSatisfy(key -> assertThat(Redaction.isSecret(key.name)).as(key.name).isTrue())
        .extracting(key -> key.name)
        .contains(StormwatchConfig.SCHEMA_REGISTRY_PASSWORD);
  }

  @Test
  void showsASecretAsHidden() {
    assertThat(Redaction.shown("kafka.sasl.jaas.config", JAAS)).isEqualTo("[hidden]");
    assertThat(Redaction.shown("kafka.sasl.mechanism", "SCRAM-SHA-512")).isEqualTo("SCRAM-SHA-512");
  }

  @Test
  void scrubsSecretValuesAndThePasswordInsideAJaasConfiguration() {
    Redaction redaction =
        Redaction.of(
            Map.of(
                "kafka.sasl.jaas.config", JAAS,
                "kafka.ssl.truststore.password", "trust-me-123",
                "kafka.sasl.mechanism", "SCRAM-SHA-512"));

    assertThat(redaction.scrub("bad value " + JAAS + " for sasl.jaas.config"))
        .isEqualTo("bad value [hidden] for sasl.jaas.config");
    assertThat(redaction.scrub("no password s3cr3t-Pa55 or trust-me-123 with SCRAM-SHA-512"))
        .isEqualTo("no password [hidden] or [hidden] with SCRAM-SHA-512");
  }

  @Test
  void keepsAnExceptionWithoutSecretsAsItIs() {
    ConfigException clean = new ConfigException("events.grace", "soon", "not a duration");

    assertThat(Redaction.of(Map.of("kafka.ssl.key.password", "k3y")).scrub(clean)).isSameAs(clean);
  }
}
