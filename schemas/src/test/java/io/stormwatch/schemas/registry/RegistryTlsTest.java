package io.stormwatch.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.schemas.avro.Alert;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https registry with a self-signed certificate, made here with the JDK's keytool. */
class RegistryTlsTest {

  @TempDir static Path dir;
  private static LocalRegistryServer registry;
  private static Path trustStore;

  @BeforeAll
  static void startHttpsRegistry() throws Exception {
    Path serverKeys = dir.resolve("server.p12");
    Path certificate = dir.resolve("server.pem");
    trustStore = dir.resolve("trust.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "registry",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-keystore",
        serverKeys.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "serverpw");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "registry",
        "-keystore",
        serverKeys.toString(),
        "-storepass",
        "serverpw",
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "registry",
        "-file",
        certificate.toString(),
        "-keystore",
        trustStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "trustpw");

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(serverKeys)) {
      keys.load(in, "serverpw".toCharArray());
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, "serverpw".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keyManagers.getKeyManagers(), null, null);
    registry = LocalRegistryServer.https(tls);
    registry.answer("POST", "/subjects/alerts-value/versions", 200, "{\"id\":7}");
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void trustsTheRegistryCertificateFromTheTrustStore() {
    var resolver =
        new RegistrySchemaResolver(
            settings(
                Optional.of(
                    new SchemaRegistrySettings.TrustStore(trustStore, "trustpw", "PKCS12"))));

    assertThat(resolver.idFor("alerts-value", Alert.getClassSchema())).isEqualTo(7);
  }

  @Test
  void anUntrustedCertificateSaysToSetTheTrustStore() {
    var resolver = new RegistrySchemaResolver(settings(Optional.empty()));

    assertThatThrownBy(() -> resolver.idFor("alerts-value", Alert.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining(registry.url())
        .hasMessageContaining("TLS handshake failed")
        .hasMessageContaining("trust store");
  }

  @Test
  void aTrustStoreThatCannotBeReadIsNamed() {
    var missing = new SchemaRegistrySettings.TrustStore(dir.resolve("absent.p12"), "", "PKCS12");

    assertThatThrownBy(() -> new RegistrySchemaResolver(settings(Optional.of(missing))))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("trust store")
        .hasMessageContaining("absent.p12");
  }

  private static SchemaRegistrySettings settings(
      Optional<SchemaRegistrySettings.TrustStore> store) {
    return new SchemaRegistrySettings(
        List.of(URI.create(registry.url())), Optional.empty(), store, Duration.ofSeconds(10));
  }

  private static void keytool(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("keytool.log").toFile())
            .start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue())
        .as("keytool %s: %s", command, Files.readString(dir.resolve("keytool.log")))
        .isZero();
  }
}
