package io.stormwatch.detector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.detector.rules.mailburst.MailBurst;
import io.stormwatch.detector.rules.mailburst.MailBurstSettings;
import io.stormwatch.detector.rules.tokenreplay.TokenReplay;
import io.stormwatch.detector.rules.tokenreplay.TokenReplaySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

  @TempDir Path dir;

  @Test
  void readsNestedAndDottedYaml() throws IOException {
    Path file =
        write(
            """
            rule:
              token-replay:
                window: 3h
                ignored.asns: [8075, 16509]
            rule.mail-burst.floor.items: 800
            kafka:
              security.protocol: SASL_SSL
            """);

    var config = ConfigSources.load(file, Map.of(), Map.of());

    assertThat(tokenReplay(config).window()).isEqualTo(Duration.ofHours(3));
    assertThat(tokenReplay(config).ignoredAsns()).containsExactlyInAnyOrder(8075L, 16509L);
    assertThat(mailBurst(config).floorItems()).isEqualTo(800);
    assertThat(config.kafkaOverrides()).containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void letsTheEnvironmentOverrideTheFileAndTheCommandLineOverrideBoth() throws IOException {
    Path file = write("events.grace: 1h\nrule.mail-burst.floor.items: 800\n");
    var env =
        Map.of(
            "STORMWATCH_EVENTS_GRACE", "3h",
            "STORMWATCH_RULE_MAIL_BURST_FLOOR_ITEMS", "900",
            "STORMWATCH_KAFKA_SASL_MECHANISM", "PLAIN",
            "STORMWATCH_SEED", "7");

    var config = ConfigSources.load(file, env, Map.of("rule.mail-burst.floor.items", "1000"));

    assertThat(config.grace()).isEqualTo(Duration.ofHours(3));
    assertThat(mailBurst(config).floorItems()).isEqualTo(1000);
    assertThat(config.kafkaOverrides()).containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void namesTheKeyWhenAFileValueIsOutOfRange() throws IOException {
    Path file = write("rule:\n  token-replay:\n    min.distinct.asns: 1\n");

    assertThatThrownBy(() -> ConfigSources.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rule.token-replay.min.distinct.asns")
        .hasMessageContaining("at least 2");
  }

  @Test
  void refusesAFileThatIsNotAMap() throws IOException {
    Path file = write("- just\n- a list\n");

    assertThatThrownBy(() -> ConfigSources.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must hold a map");
  }

  @Test
  void saysWhereAFileIsNotYamlWithoutQuotingTheLine() throws IOException {
    Path file = write("kafka:\n  ssl.truststore.password: \"Tru5t-no1\n  sasl.mechanism: PLAIN\n");

    assertThatThrownBy(() -> ConfigSources.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not valid YAML at line 2")
        .hasMessageContaining("found unexpected end of stream")
        .hasMessageNotContaining("Tru5t-no1");
  }

  @Test
  void printsDefaultsThatLoadBackToTheDefaults() throws IOException {
    Path file = write(DefaultsDocument.yaml());

    var loaded = ConfigSources.load(file, Map.of(), Map.of());

    assertThat(loaded.effectiveValues()).isEqualTo(StormwatchConfig.defaults().effectiveValues());
    assertThat(DefaultsDocument.yaml())
        .contains("# Allowed: [2,...,100]")
        .contains("rule.orphan-token.grace: \"90m\"");
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("stormwatch.yaml"), yaml);
  }

  private static TokenReplaySettings tokenReplay(StormwatchConfig config) {
    return TokenReplaySettings.from(config.settings(TokenReplay.ENTRY));
  }

  private static MailBurstSettings mailBurst(StormwatchConfig config) {
    return MailBurstSettings.from(config.settings(MailBurst.ENTRY));
  }
}
