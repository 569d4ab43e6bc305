package io.stormwatch.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.ingest.auth.ClientCredential.ClientCertificate;
import io.stormwatch.ingest.auth.ClientCredential.ClientSecret;
import io.stormwatch.ingest.eventhub.EventHubSettings;
import io.stormwatch.ingest.o365.O365Settings;
import io.stormwatch.ingest.testing.TestCertificates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {

  private static final String TENANT = "41463F53-8812-40F4-890F-865BF6E35190";
  private static final String CLIENT = "6731de76-14a6-49ae-97bc-6eba6914391e";
  private static final String SECRET = "v3ry~secret";
  private static final String KEY = "SAS+key/value=";
  private static final String CONNECTION =
      "Endpoint=sb://contoso-logs.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey="
          + KEY
          + ";EntityPath=insights-logs-signinlogs";

  @TempDir Path dir;

  @Test
  void pollsTheCommercialCloudByDefaultWithASecret() {
    O365Settings settings = o365(Map.of(IngestConfig.O365_CLIENT_SECRET, SECRET));

    assertThat(settings.tenants()).containsExactly(TENANT.toLowerCase());
    assertThat(settings.contentTypes())
        .containsExactly("Audit.Exchange", "Audit.AzureActiveDirectory");
    assertThat(settings.apiRoot()).isEqualTo(URI.create("https://manage.office.com"));
    assertThat(settings.loginAuthority())
        .isEqualTo(URI.create("https://login.microsoftonline.com"));
    assertThat(settings.credential()).isInstanceOf(ClientSecret.class);
    assertThat(settings.pollInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.startLookback()).isEqualTo(Duration.ofDays(1));
    assertThat(settings.publisherId()).isEmpty();
  }

  @Test
  void takesTheGovernmentCloudsEndpointsAndAnExplicitRoot() {
    O365Settings dod =
        o365(Map.of(IngestConfig.O365_CLIENT_SECRET, SECRET, IngestConfig.O365_CLOUD, "dod"));
    O365Settings local =
        o365(
            Map.of(
                IngestConfig.O365_CLIENT_SECRET, SECRET,
                IngestConfig.O365_CLOUD, "gcc-high",
                IngestConfig.O365_API_ROOT, "http://127.0.0.1:8080"));

    assertThat(dod.apiRoot()).isEqualTo(URI.create("https://manage.protection.apps.mil"));
    assertThat(dod.loginAuthority()).isEqualTo(URI.create("https://login.microsoftonline.us"));
    assertThat(local.apiRoot()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(local.resource()).isEqualTo("https://manage.office365.us");
  }

  @Test
  void signsInWithACertificateFileAndItsPassword() throws Exception {
    Path pfx = TestCertificates.pkcs12(dir, "stormwatch-app");

    O365Settings settings =
        o365(
            Map.of(
                IngestConfig.O365_CLIENT_CERTIFICATE,
                pfx.toString(),
                IngestConfig.O365_CLIENT_CERTIFICATE_PASSWORD,
                TestCertificates.PASSWORD));

    assertThat(settings.credential()).isInstanceOf(ClientCertificate.class);
  }

  @Test
  void namesTheKeyToFixWithoutShowingASecret() {
    assertThatThrownBy(() -> IngestConfig.from(Map.of()).o365())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(IngestConfig.O365_TENANTS);
    assertThatThrownBy(() -> o365(Map.of()))
        .hasMessageContaining(
            "exactly one of ingest.o365.client.secret and ingest.o365.client.certificate");
    assertThatThrownBy(
            () ->
                o365(
                    Map.of(
                        IngestConfig.O365_CLIENT_SECRET,
                        SECRET,
                        IngestConfig.O365_CLIENT_CERTIFICATE,
                        "/etc/app.pem")))
        .hasMessageContaining("exactly one of")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(
            () ->
                o365(
                    Map.of(
                        IngestConfig.O365_CLIENT_CERTIFICATE, dir.resolve("none.pfx").toString())))
        .hasMessageContaining(IngestConfig.O365_CLIENT_CERTIFICATE)
        .hasMessageContaining("cannot read");
    assertThatThrownBy(
            () ->
                IngestConfig.from(
                        Map.of(
                            IngestConfig.O365_TENANTS, "contoso.onmicrosoft.com",
                            IngestConfig.O365_CLIENT_ID, CLIENT,
                            IngestConfig.O365_CLIENT_SECRET, SECRET))
                    .o365())
        .hasMessageContaining("not a GUID");
    assertThatThrownBy(
            () -> IngestConfig.from(Map.of(IngestConfig.O365_CONTENT_TYPES, "Audit.Teams")))
        .hasMessageContaining(IngestConfig.O365_CONTENT_TYPES);
    assertThatThrownBy(() -> IngestConfig.from(Map.of("ingest.o365.tenant", TENANT)))
        .hasMessageContaining("unknown setting");
    // A secret under a misspelt key, or pasted into another key, is still not shown.
    assertThatThrownBy(() -> IngestConfig.from(Map.of("ingest.o365.client.secrets", SECRET)))
        .hasMessageContaining("ingest.o365.client.secrets")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(
            () ->
                IngestConfig.from(
                    Map.of(
                        IngestConfig.O365_CLIENT_SECRET, SECRET,
                        IngestConfig.O365_POLL_INTERVAL, SECRET)))
        .hasMessageContaining(IngestConfig.O365_POLL_INTERVAL)
        .hasMessageNotContaining(SECRET);
    assertThat(IngestConfig.from(Map.of(IngestConfig.O365_CLIENT_SECRET, SECRET)).effectiveValues())
        .containsEntry(IngestConfig.O365_CLIENT_SECRET, "[hidden]");
  }

  @Test
  void findsTheEventHubsEndpointAndHubInTheConnectionString() {
    EventHubSettings settings =
        IngestConfig.from(Map.of(IngestConfig.EVENTHUB_CONNECTION_STRING, CONNECTION)).eventHub();

    assertThat(settings.bootstrapServers()).isEqualTo("contoso-logs.servicebus.windows.net:9093");
    assertThat(settings.hub()).isEqualTo("insights-logs-signinlogs");
    assertThat(settings.consumerGroup()).isEqualTo("$Default");
    assertThat(settings.startAtEarliest()).isTrue();
    assertThat(settings.categories()).contains("SignInLogs", "NonInteractiveUserSignInLogs");
    assertThat(settings.consumerSettings())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void refusesAnEventHubSourceItCannotLocateWithoutShowingTheKey() {
    assertThatThrownBy(() -> IngestConfig.from(Map.of()).eventHub())
        .hasMessageContaining(IngestConfig.EVENTHUB_CONNECTION_STRING);
    assertThatThrownBy(
            () ->
                IngestConfig.from(
                        Map.of(
                            IngestConfig.EVENTHUB_CONNECTION_STRING,
                            "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKey=" + KEY))
                    .eventHub())
        .hasMessageContaining(IngestConfig.EVENTHUB_CONNECTION_STRING)
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(
            () ->
                IngestConfig.from(Map.of(IngestConfig.EVENTHUB_BOOTSTRAP_SERVERS, "localhost:9092"))
                    .eventHub())
        .hasMessageContaining(IngestConfig.EVENTHUB_NAME);
  }

  @Test
  void readsEverySourceAndSplitsTheClustersKeysFromItsOwn() throws Exception {
    Path yaml = dir.resolve("ingest.yaml");
    Files.writeString(
        yaml,
        "bootstrap.servers: kafka:9092\n"
            + "topic:\n  ual:\n    raw: tenant-a.m365.audit.raw\n"
            + "ingest:\n  o365:\n    tenants: ["
            + TENANT
            + "]\n    client.id: "
            + CLIENT
            + "\n    poll.interval: 1m\n");
    Map<String, String> environment = new HashMap<>();
    environment.put("STORMWATCH_INGEST_O365_CLIENT_SECRET", SECRET);
    environment.put("STORMWATCH_INGEST_EVENTHUB_KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
    environment.put("STORMWATCH_INGEST_EVENTHUB_NAME", "hub");
    environment.put("STORMWATCH_INGEST_EVENTHUB_BOOTSTRAP_SERVERS", "source:9092");
    environment.put("STORMWATCH_KAFKA_SECURITY_PROTOCOL", "SSL");

    IngestOptions.Loaded loaded =
        IngestOptions.load(yaml, environment, Map.of(IngestConfig.O365_POLL_INTERVAL, "2m"));

    assertThat(loaded.cluster().bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(loaded.cluster().topics().ualRaw()).isEqualTo("tenant-a.m365.audit.raw");
    assertThat(loaded.cluster().kafkaOverrides()).containsEntry("security.protocol", "SSL");
    O365Settings o365 = loaded.ingest().o365();
    assertThat(o365.pollInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(o365.credential()).isInstanceOf(ClientSecret.class);
    assertThat(loaded.ingest().eventHub().consumerSettings())
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("bootstrap.servers", "source:9092");
  }

  private static O365Settings o365(Map<String, String> credential) {
    Map<String, String> settings = new HashMap<>(credential);
    settings.put(IngestConfig.O365_TENANTS, TENANT);
    settings.put(IngestConfig.O365_CLIENT_ID, CLIENT);
    return IngestConfig.from(settings).o365();
  }
}
