package io.stormwatch.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.ingest.auth.ClientCredential.ClientCertificate;
import io.stormwatch.ingest.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientAssertionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENDPOINT = "https://login.microsoftonline.com/t1/oauth2/v2.0/token";
  private static final String CLIENT = "6731de76-14a6-49ae-97bc-6eba6914391e";

  @TempDir Path dir;

  @Test
  void isAnRs256JwtNamingTheCertificateAndTheTokenEndpoint() throws Exception {
    ClientCertificate credential =
        CertificateFiles.load(
            TestCertificates.pkcs12(dir, "app"), TestCertificates.PASSWORD.toCharArray());
    Instant now = Instant.parse("2026-03-03T10:00:00Z");

    String[] jwt = ClientAssertion.sign(credential, ENDPOINT, CLIENT, now).split("\\.");

    Base64.Decoder b64 = Base64.getUrlDecoder();
    JsonNode header = JSON.readTree(b64.decode(jwt[0]));
    JsonNode claims = JSON.readTree(b64.decode(jwt[1]));
    byte[] der = credential.certificate().getEncoded();
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    assertThat(header.path("typ").asText()).isEqualTo("JWT");
    assertThat(b64.decode(header.path("x5t#S256").asText()))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(der));
    assertThat(b64.decode(header.path("x5t").asText()))
        .isEqualTo(MessageDigest.getInstance("SHA-1").digest(der));
    assertThat(claims.path("aud").asText()).isEqualTo(ENDPOINT);
    assertThat(claims.path("iss").asText()).isEqualTo(CLIENT);
    assertThat(claims.path("sub").asText()).isEqualTo(CLIENT);
    assertThat(claims.path("nbf").asLong()).isEqualTo(now.getEpochSecond());
    assertThat(claims.path("exp").asLong()).isEqualTo(now.getEpochSecond() + 600);
    assertThat(claims.path("jti").asText()).isNotBlank();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(credential.certificate().getPublicKey());
    verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(b64.decode(jwt[2]))).isTrue();
  }
}
