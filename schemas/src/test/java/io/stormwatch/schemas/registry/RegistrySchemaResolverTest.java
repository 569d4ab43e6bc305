package io.stormwatch.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.schemas.avro.Alert;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistrySchemaResolverTest {

  private static final Schema ALERT = Alert.getClassSchema();
  private static final Schema SMALL =
      SchemaBuilder.record("Small").namespace("test").fields().requiredString("f").endRecord();
  private static final String SMALL_BY_ID =
      "{\"schema\":" + quoted(SMALL.toString()) + ",\"references\":[]}";

  private final LocalRegistryServer registry = LocalRegistryServer.http();

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void registersTheSchemaUnderItsSubjectAndAsksOnce() throws Exception {
    registry.answer("POST", "/subjects/alerts-value/versions", 200, "{\"id\":7}");
    var resolver = new RegistrySchemaResolver(SchemaRegistrySettings.of(registry.url()));

    assertThat(resolver.idFor("alerts-value", ALERT)).isEqualTo(7);
    assertThat(resolver.idFor("alerts-value", ALERT)).isEqualTo(7);
    assertThat(resolver.schemaFor(7)).isEqualTo(ALERT);

    assertThat(registry.requests()).hasSize(1);
    var request = registry.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    String sent = new ObjectMapper().readTree(request.body()).get("schema").asText();
    assertThat(new Schema.Parser().parse(sent)).isEqualTo(ALERT);
  }

  @Test
  void registersEachSubjectAndEachSchemaVersionOnItsOwn() {
    registry
        .answer("POST", "/subjects/alerts-value/versions", 200, "{\"id\":7}")
        .answer("POST", "/subjects/audit.late-value/versions", 200, "{\"id\":8}");
    var resolver = new RegistrySchemaResolver(SchemaRegistrySettings.of(registry.url()));

    assertThat(resolver.idFor("alerts-value", ALERT)).isEqualTo(7);
    assertThat(resolver.idFor("audit.late-value", ALERT)).isEqualTo(8);
    assertThat(resolver.idFor("alerts-value", SMALL)).isEqualTo(7);

    assertThat(registry.requests())
        .extracting(LocalRegistryServer.Request::path)
        .containsExactly(
            "/subjects/alerts-value/versions",
            "/subjects/audit.late-value/versions",
            "/subjects/alerts-value/versions");
  }

  @Test
  void fetchesAWriterSchemaByIdOnceAndCachesIt() {
    registry.answer("GET", "/schemas/ids/3", 200, SMALL_BY_ID);
    var resolver = new RegistrySchemaResolver(SchemaRegistrySettings.of(registry.url()));

    assertThat(resolver.schemaFor(3)).isEqualTo(SMALL);
    assertThat(resolver.schemaFor(3)).isEqualTo(SMALL);

    assertThat(registry.requests()).hasSize(1);
  }

  @Test
  void sendsBasicCredentialsWithEveryRequest() {
    registry
        .answer("POST", "/subjects/alerts-value/versions", 200, "{\"id\":7}")
        .answer("GET", "/schemas/ids/3", 200, SMALL_BY_ID);
    var resolver =
        new RegistrySchemaResolver(
            withAuth(registry.url(), new SchemaRegistrySettings.BasicAuth("soc", "s3cret:pw")));

    resolver.idFor("alerts-value", ALERT);
    resolver.schemaFor(3);

    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("soc:s3cret:pw".getBytes(StandardCharsets.UTF_8));
    assertThat(registry.requests())
        .extracting(LocalRegistryServer.Request::authorization)
        .containsExactly(expected, expected);
  }

  @Test
  void refusedCredentialsNameTheRegistryAndSubjectButNotThePassword() {
    registry.answer(
        "POST",
        "/subjects/alerts-value/versions",
        401,
        "{\"error_code\":401,\"message\":\"Unauthorized\"}");
    var resolver =
        new RegistrySchemaResolver(
            withAuth(registry.url(), new SchemaRegistrySettings.BasicAuth("soc", "s3cret")));

    assertThatThrownBy(() -> resolver.idFor("alerts-value", ALERT))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining(registry.url())
        .hasMessageContaining("subject alerts-value")
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("basic-auth user and password")
        .hasMessageNotContaining("s3cret")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(401));
  }

  @Test
  void deniedAccessSaysSo() {
    registry.answer(
        "GET", "/schemas/ids/3", 403, "{\"error_code\":40301,\"message\":\"User cannot read\"}");
    var resolver = new RegistrySchemaResolver(SchemaRegistrySettings.of(registry.url()));

    assertThatThrownBy(() -> resolver.schemaFor(3))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining(registry.url())
        .hasMessageContaining("schema id 3")
        .hasMessageContaining("HTTP 403, error 40301: User cannot read");
  }

  @Test
  void anIncompatibleSchemaCarriesTheRegistrysReason() {
    registry.answer(
        "POST",
        "/subjects/alerts-value/versions",
        409,
        "{\"error_code\":409,\"message\":\"Incompatible artifact: alerts-value [AVRO]\"}");
    var resolver = new RegistrySchemaResolver(SchemaRegistrySettings.of(registry.url()));

    assertThatThrownBy(() -> resolver.idFor("alerts-value", ALERT))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("Schema Registry at " + registry.url())
        .hasMessageContaining(
            "register io.stormwatch.schemas.avro.Alert under subject alerts-value")
        .hasMessageContaining("incompatible")
        .hasMessageContaining("Incompatible artifact: alerts-value [AVRO]")
        .hasMessageContaining("a new field needs a default");
  }

  @Test
  void anUnknownIdPointsAtAnotherRegistry() {
    registry.answer(
        "GET", "/schemas/ids/1002", 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
    var resolver = new RegistrySchemaResolver(SchemaRegistrySettings.of(registry.url()));

    assertThatThrownBy(() -> resolver.schemaFor(1002))
        .hasMessageContaining("schema id 1002")
        .hasMessageContaining("error 40403")
        .hasMessageContaining("written with another registry");
  }

  @Test
  void aWrongBasePathIsNamed() {
    var resolver =
        new RegistrySchemaResolver(
            SchemaRegistrySettings.of(registry.url().replace("/apis/ccompat/v7", "/nothing")));

    assertThatThrownBy(() -> resolver.idFor("alerts-value", ALERT))
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("root of the Confluent-compatible API");
  }

  @Test
  void aRegistryThatIsDownIsNamedWithItsUrl() throws Exception {
    String down = "http://127.0.0.1:" + unusedPort();
    var resolver = new RegistrySchemaResolver(SchemaRegistrySettings.of(down));

    assertThatThrownBy(() -> resolver.idFor("alerts-value", ALERT))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("Schema Registry at " + down)
        .hasMessageContaining("subject alerts-value")
        .hasMessageContaining("unreachable")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isZero());
  }

  @Test
  void triesTheNextUrlWhenOneIsUnreachable() throws Exception {
    registry.answer("POST", "/subjects/alerts-value/versions", 200, "{\"id\":7}");
    var settings =
        new SchemaRegistrySettings(
            List.of(URI.create("http://127.0.0.1:" + unusedPort()), URI.create(registry.url())),
            Optional.empty(),
            Optional.empty(),
            Duration.ofSeconds(10));

    assertThat(new RegistrySchemaResolver(settings).idFor("alerts-value", ALERT)).isEqualTo(7);
  }

  @Test
  void aSchemaThatIsNotAvroIsRefused() {
    registry.answer(
        "GET", "/schemas/ids/4", 200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax...\"}");
    var resolver = new RegistrySchemaResolver(SchemaRegistrySettings.of(registry.url()));

    assertThatThrownBy(() -> resolver.schemaFor(4))
        .hasMessageContaining("PROTOBUF schema, not Avro");
  }

  @Test
  void credentialsNeverShowInSettings() {
    var settings =
        new SchemaRegistrySettings(
            List.of(URI.create(registry.url())),
            Optional.of(new SchemaRegistrySettings.BasicAuth("soc", "s3cret")),
            Optional.of(
                new SchemaRegistrySettings.TrustStore(
                    java.nio.file.Path.of("/etc/trust.p12"), "st0re", "PKCS12")),
            Duration.ofSeconds(10));

    assertThat(settings.toString()).contains("soc").doesNotContain("s3cret", "st0re");
    assertThatThrownBy(() -> SchemaRegistrySettings.of("https://soc:s3cret@registry:8081"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carries credentials")
        .hasMessageNotContaining("s3cret");
  }

  private static SchemaRegistrySettings withAuth(
      String url, SchemaRegistrySettings.BasicAuth auth) {
    return new SchemaRegistrySettings(
        List.of(URI.create(url)), Optional.of(auth), Optional.empty(), Duration.ofSeconds(10));
  }

  static int unusedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String quoted(String text) {
    try {
      return new ObjectMapper().writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
