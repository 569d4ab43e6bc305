package io.stormwatch.detector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.detector.rules.mailburst.MailBurst;
import io.stormwatch.detector.rules.mailburst.MailBurstSettings;
import io.stormwatch.detector.rules.tokenreplay.TokenReplay;
import io.stormwatch.detector.rules.tokenreplay.TokenReplaySettings;
import io.stormwatch.formats.common.RecordLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class StormwatchConfigTest {

  @Test
  void hasDocumentedDefaultsForEveryKey() {
    var config = StormwatchConfig.defaults();

    assertThat(config.topics())
        .isEqualTo(
            new TopicNames(
                "m365.audit.raw",
                "entra.signin.raw",
                "audit.events",
                "audit.dlq",
                "audit.late",
                "alerts",
                Optional.empty()));
    assertThat(config.topicLayout().retention()).isEqualTo(Duration.ofDays(180));
    assertThat(config.topicLayout().replicationFactor()).isEmpty();
    assertThat(tokenReplay(config).ignoredAsns()).containsExactly(8075L);
    assertThat(mailBurst(config).floorItems()).isEqualTo(500);
    assertThat(StormwatchConfig.definition().configKeys().values())
        .allSatisfy(key -> assertThat(key.documentation).as(key.name).isNotBlank());
  }

  @Test
  void readsDurationsAsPeopleWriteThem() {
    var config =
        StormwatchConfig.from(
            Map.of(
                "events.grace",
                "90m",
                "rule.token-replay.window",
                "PT3H",
                "topic.retention",
                "14d"));

    assertThat(config.grace()).isEqualTo(Duration.ofMinutes(90));
    assertThat(tokenReplay(config).window()).isEqualTo(Duration.ofHours(3));
    assertThat(config.topicLayout().retention()).isEqualTo(Duration.ofDays(14));
  }

  @Test
  void refusesAValueOutOfRangeNamingTheKeyAndTheRange() {
    assertThatThrownBy(() -> StormwatchConfig.from(Map.of("rule.mail-burst.floor.items", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rule.mail-burst.floor.items")
        .hasMessageContaining("at least 1");
  }

  @Test
  void refusesADurationItCannotRead() {
    assertThatThrownBy(() -> StormwatchConfig.from(Map.of("events.grace", "two hours")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("events.grace")
        .hasMessageContaining("write e.g. 90s, 15m, 2h");
  }

  @Test
  void refusesUnknownKeysSoThatTyposDoNotFallBackToDefaults() {
    assertThatThrownBy(() -> StormwatchConfig.from(Map.of("rule.mail-burst.flor.items", "10")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rule.mail-burst.flor.items")
        .hasMessageContaining("unknown setting");
  }

  @Test
  void refusesAnIgnoredAsnThatIsNotANumber() {
    assertThatThrownBy(
            () -> StormwatchConfig.from(Map.of("rule.token-replay.ignored.asns", "8075,Microsoft")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rule.token-replay.ignored.asns")
        .hasMessageContaining("'Microsoft' is not an ASN");
  }

  @Test
  void acceptsAsnsWrittenWithTheirPrefix() {
    var config = StormwatchConfig.from(Map.of("rule.token-replay.ignored.asns", "AS8075, 16509"));

    assertThat(tokenReplay(config).ignoredAsns()).containsExactlyInAnyOrder(8075L, 16509L);
  }

  @Test
  void handsPrefixedKafkaSettingsToTheClientsWithoutThePrefix() {
    var config =
        StormwatchConfig.from(
            Map.of("kafka.security.protocol", "SASL_SSL", "topic.replication.factor", "3"));

    assertThat(config.kafkaOverrides()).containsEntry("security.protocol", "SASL_SSL");
    assertThat(config.topicLayout().replicationFactor()).isEqualTo(Optional.of((short) 3));
  }

  @Test
  void appliesOverridesOnTopOfExplicitValues() {
    var base = StormwatchConfig.from(Map.of("events.grace", "1h", "kafka.linger.ms", "5"));

    var overridden = base.with(Map.of("bootstrap.servers", "broker:9093"));

    assertThat(overridden.grace()).isEqualTo(Duration.ofHours(1));
    assertThat(overridden.bootstrapServers()).isEqualTo("broker:9093");
    assertThat(overridden.kafkaOverrides()).containsEntry("linger.ms", "5");
  }

  @Test
  void writesOcsfAlertsOnlyWhenATopicIsNamed() {
    assertThat(StormwatchConfig.defaults().topics().ocsfAlerts()).isEmpty();

    var config = StormwatchConfig.from(Map.of("topic.alerts.ocsf", "alerts.ocsf"));

    assertThat(config.topics().ocsfAlerts()).contains("alerts.ocsf");
  }

  @Test
  void refusesAnOcsfAlertsTopicThatAnotherTopicAlreadyUses() {
    assertThatThrownBy(() -> StormwatchConfig.from(Map.of("topic.alerts.ocsf", "alerts")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topic.alerts.ocsf")
        .hasMessageContaining("must differ from every other topic");
  }

  @Test
  void namesAnUnknownSecretKeyWithoutItsValue() {
    // "kafka." forgotten: the key is unknown, and Kafka's message would quote the value.
    assertThatThrownBy(
            () ->
                StormwatchConfig.from(
                    Map.of("sasl.jaas.config", "ScramLoginModule required password=\"pw-42x\";")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sasl.jaas.config")
        .hasMessageContaining("unknown setting")
        .hasMessageNotContaining("pw-42x");
  }

  @Test
  void scrubsSecretValuesFromAnyBadValueMessage() {
    // A secret pasted into the wrong key is still a secret: the bad key is not, so only the
    // secret values given elsewhere reveal what to take out.
    assertThatThrownBy(
            () ->
                StormwatchConfig.from(
                    Map.of(
                        "kafka.ssl.truststore.password",
                        "trust-Me-77",
                        StormwatchConfig.GRACE,
                        "trust-Me-77")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(StormwatchConfig.GRACE)
        .hasMessageNotContaining("trust-Me-77");
  }

  @Test
  void printsItsSecretsHidden() {
    StormwatchConfig config =
        StormwatchConfig.from(
            Map.of(
                "kafka.sasl.jaas.config",
                "ScramLoginModule required password=\"pw-42x\";",
                "kafka.security.protocol",
                "SASL_SSL",
                StormwatchConfig.GRACE,
                "3h"));

    assertThat(config.toString())
        .contains("kafka.sasl.jaas.config=[hidden]")
        .contains("kafka.security.protocol=SASL_SSL")
        .contains("events.grace=3h")
        .doesNotContain("pw-42x");
  }

  @Test
  void servesTheOperationsEndpointOnAConfiguredPortOrNone() {
    assertThat(StormwatchConfig.defaults().metricsAddress())
        .hasValueSatisfying(address -> assertThat(address.getPort()).isEqualTo(9404));
    assertThat(
            StormwatchConfig.from(Map.of("metrics.port", "0", "metrics.bind.address", "127.0.0.1"))
                .metricsAddress())
        .hasValueSatisfying(
            address -> {
              assertThat(address.getPort()).isZero();
              assertThat(address.getAddress().isLoopbackAddress()).isTrue();
            });
    assertThat(StormwatchConfig.from(Map.of("metrics.port", "-1")).metricsAddress()).isEmpty();
  }

  @Test
  void refusesAMetricsPortOutOfRange() {
    assertThatThrownBy(() -> StormwatchConfig.from(Map.of("metrics.port", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("metrics.port")
        .hasMessageContaining("no more than 65535");
  }

  @Test
  void boundsWhatOneRawMessageAndRecordMayHoldByDefault() {
    var config = StormwatchConfig.defaults();

    assertThat(config.recordLimits())
        .isEqualTo(new RecordLimits(16 * 1024 * 1024, 1024 * 1024, 64, 10_000));
    assertThat(config.maxClockSkew()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.earliestEventTime()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
    assertThat(config.topicLayout().maxTopicMessageBytes())
        .isEqualTo(16 * 1024 * 1024 + TopicLayout.RECORD_OVERHEAD_BYTES);
  }

  @Test
  void refusesARecordLimitAboveTheMessageLimitNamingTheKey() {
    assertThatThrownBy(
            () ->
                StormwatchConfig.from(
                    Map.of(
                        "normaliser.max.message.bytes", "65536",
                        "normaliser.max.record.bytes", "131072")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("normaliser.max.record.bytes")
        .hasMessageContaining("may not be larger than a message");
  }

  @Test
  void refusesAnEarliestEventTimeThatIsNotAnInstant() {
    assertThatThrownBy(
            () -> StormwatchConfig.from(Map.of("normaliser.earliest.event.time", "2000-01-01")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("normaliser.earliest.event.time")
        .hasMessageContaining("ISO-8601 instant");
  }

  @Test
  void refusesAClockSkewBeyondWhatTheBrokerAcceptsByDefault() {
    assertThatThrownBy(() -> StormwatchConfig.from(Map.of("normaliser.max.clock.skew", "2h")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("normaliser.max.clock.skew");
  }

  private static TokenReplaySettings tokenReplay(StormwatchConfig config) {
    return TokenReplaySettings.from(config.settings(TokenReplay.ENTRY));
  }

  private static MailBurstSettings mailBurst(StormwatchConfig config) {
    return MailBurstSettings.from(config.settings(MailBurst.ENTRY));
  }
}
