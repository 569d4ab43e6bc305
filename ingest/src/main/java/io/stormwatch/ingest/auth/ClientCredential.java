package io.stormwatch.ingest.auth;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** How the application proves who it is to Entra ID. */
public sealed interface ClientCredential {

  /** An application secret. Its text never appears in {@link #toString()}. */
  final class ClientSecret implements ClientCredential {
    private final String secret;

    public ClientSecret(String secret) {
      if (secret == null || secret.isBlank()) {
        throw new IllegalArgumentException("the client secret is empty");
      }
      this.secret = secret;
    }

    String value() {
      return secret;
    }

    @Override
    public String toString() {
      return "ClientSecret[hidden]";
    }
  }

  /**
   * A certificate registered on the application, with its private key.
   *
   * @param certificate the X.509 certificate uploaded to the app registration
   * @param privateKey its RSA private key
   */
  record ClientCertificate(X509Certificate certificate, PrivateKey privateKey)
      implements ClientCredential {
    public ClientCertificate {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public String toString() {
      return "ClientCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
    }
  }
}
