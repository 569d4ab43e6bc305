package io.stormwatch.ingest.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.ingest.auth.ClientCredential.ClientCertificate;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The signed JWT an application presents instead of a secret ({@code client_assertion}), as the
 * Microsoft identity platform's certificate credentials describe it: RS256, the certificate's
 * thumbprints in the header ({@code x5t}, SHA-1, read by every endpoint version, and {@code
 * x5t#S256}, SHA-256), and the token endpoint as audience.
 */
public final class ClientAssertion {

  /** How long an assertion is valid; Microsoft advises 5 to 10 minutes. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private ClientAssertion() {}

  /**
   * Signs an assertion.
   *
   * @param tokenEndpoint the token endpoint the assertion is sent to (its audience)
   * @param clientId the application (client) id: issuer and subject
   * @param now the issue time
   */
  public static String sign(
      ClientCertificate credential, String tokenEndpoint, String clientId, Instant now) {
    try {
      byte[] der = credential.certificate().getEncoded();
      ObjectNode header = JSON.createObjectNode();
      header.put("alg", "RS256");
      header.put("typ", "JWT");
      header.put("x5t", BASE64URL.encodeToString(MessageDigest.getInstance("SHA-1").digest(der)));
      header.put(
          "x5t#S256", BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(der)));
      ObjectNode claims = JSON.createObjectNode();
      claims.put("aud", tokenEndpoint);
      claims.put("iss", clientId);
      claims.put("sub", clientId);
      claims.put("jti", UUID.randomUUID().toString());
      claims.put("nbf", now.getEpochSecond());
      claims.put("iat", now.getEpochSecond());
      claims.put("exp", now.plus(LIFETIME).getEpochSecond());
      String signingInput =
          BASE64URL.encodeToString(JSON.writeValueAsBytes(header))
              + '.'
              + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(credential.privateKey());
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + '.' + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new IllegalStateException("cannot sign the client assertion: " + e.getMessage(), e);
    }
  }
}
