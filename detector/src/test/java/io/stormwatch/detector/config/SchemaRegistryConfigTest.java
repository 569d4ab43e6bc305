package io.stormwatch.detector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.schemas.registry.SchemaRegistrySettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchemaRegistryConfigTest {

  @Test
  void withoutAUrlTheBundledIdsAreUsed() {
    assertThat(StormwatchConfig.defaults().schemaRegistry()).isEmpty();
  }

  @Test
  void readsUrlsCredentialsTrustStoreAndTimeout() {
    var config =
        StormwatchConfig.from(
            Map.of(
                "schema.registry.url", "https://sr1:8081, https://sr2:8081/",
                "schema.registry.basic.auth.user", "soc",
                "schema.registry.basic.auth.password", "s3cret",
                "schema.registry.ssl.truststore.location", "/etc/stormwatch/trust.p12",
                "schema.registry.ssl.truststore.password", "st0re",
                "schema.registry.request.timeout", "30s"));

    SchemaRegistrySettings registry = config.schemaRegistry().orElseThrow();
    assertThat(registry.urls())
        .containsExactly(URI.create("https://sr1:8081"), URI.create("https://sr2:8081/"));
    assertThat(registry.basicAuth())
        .contains(new SchemaRegistrySettings.BasicAuth("soc", "s3cret"));
    assertThat(registry.trustStore())
        .contains(
            new SchemaRegistrySettings.TrustStore(
                Path.of("/etc/stormwatch/trust.p12"), "st0re", "PKCS12"));
    assertThat(registry.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void neverPrintsTheSecrets() {
    var config =
        StormwatchConfig.from(
            Map.of(
                "schema.registry.url", "https://sr:8081",
                "schema.registry.basic.auth.user", "soc",
                "schema.registry.basic.auth.password", "s3cret",
                "schema.registry.ssl.truststore.location", "/etc/trust.p12",
                "schema.registry.ssl.truststore.password", "st0re"));

    assertThat(config.effectiveValues())
        .containsEntry("schema.registry.basic.auth.password", "[hidden]")
        .containsEntry("schema.registry.ssl.truststore.password", "[hidden]");
    assertThat(config.effectiveValues().toString()).doesNotContain("s3cret", "st0re");
    assertThat(config.schemaRegistry().orElseThrow().toString()).doesNotContain("s3cret", "st0re");
    // An unset secret prints as empty, so that --print-defaults reads back as it was.
    assertThat(StormwatchConfig.defaults().effectiveValues())
        .containsEntry("schema.registry.basic.auth.password", "");
  }

  @Test
  void refusesAUrlThatIsNotHttpNamingTheKey() {
    assertThatThrownBy(() -> StormwatchConfig.from(Map.of("schema.registry.url", "registry:8081")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url")
        .hasMessageContaining("not an http:// or https:// URL");
  }

  @Test
  void refusesCredentialsInTheUrlWithoutPrintingThem() {
    assertThatThrownBy(
            () ->
                StormwatchConfig.from(Map.of("schema.registry.url", "https://soc:s3cret@sr:8081")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url")
        .hasMessageContaining("carries credentials")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aUserNeedsAPassword() {
    assertThatThrownBy(
            () ->
                StormwatchConfig.from(
                    Map.of(
                        "schema.registry.url", "https://sr:8081",
                        "schema.registry.basic.auth.user", "soc")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.basic.auth.password");
  }

  @Test
  void registrySettingsWithoutAUrlAreAMistake() {
    assertThatThrownBy(
            () -> StormwatchConfig.from(Map.of("schema.registry.basic.auth.user", "soc")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.basic.auth.user")
        .hasMessageContaining("needs schema.registry.url");
  }

  @Test
  void aTrustStoreNeedsAnHttpsRegistry() {
    assertThatThrownBy(
            () ->
                StormwatchConfig.from(
                    Map.of(
                        "schema.registry.url", "http://sr:8081",
                        "schema.registry.ssl.truststore.location", "/etc/trust.p12")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.ssl.truststore.location")
        .hasMessageContaining("https");
  }

  @Test
  void thePasswordComesFromTheEnvironment() {
    var config =
        ConfigSources.load(
            null,
            Map.of(
                "STORMWATCH_SCHEMA_REGISTRY_URL", "https://sr:8081",
                "STORMWATCH_SCHEMA_REGISTRY_BASIC_AUTH_USER", "soc",
                "STORMWATCH_SCHEMA_REGISTRY_BASIC_AUTH_PASSWORD", "s3cret"),
            Map.of());

    assertThat(config.schemaRegistry().orElseThrow().basicAuth())
        .contains(new SchemaRegistrySettings.BasicAuth("soc", "s3cret"));
  }
}
