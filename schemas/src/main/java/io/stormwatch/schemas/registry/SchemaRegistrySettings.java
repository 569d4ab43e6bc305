package io.stormwatch.schemas.registry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a Confluent-compatible Schema Registry is and how to talk to it. Passwords never appear in
 * {@link #toString()}.
 *
 * @param urls base URLs of the registry's Confluent-compatible API (for Apicurio {@code
 *     .../apis/ccompat/v7}), tried in order when one cannot be reached
 * @param basicAuth HTTP basic credentials, sent with every request
 * @param trustStore certificates trusted for {@code https} URLs instead of the JVM's defaults
 * @param requestTimeout how long one request may take, connecting included
 */
public record SchemaRegistrySettings(
    List<URI> urls,
    Optional<BasicAuth> basicAuth,
    Optional<TrustStore> trustStore,
    Duration requestTimeout) {

  /**
   * @throws IllegalArgumentException if there is no URL, a URL is not absolute http(s), carries
   *     credentials, or the timeout is not positive
   */
  public SchemaRegistrySettings {
    urls = List.copyOf(urls);
    Objects.requireNonNull(basicAuth, "basicAuth");
    Objects.requireNonNull(trustStore, "trustStore");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("at least one Schema Registry URL is needed");
    }
    for (URI url : urls) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        throw new IllegalArgumentException(
            "'" + url + "' is not an http:// or https:// URL with a host");
      }
      if (url.getRawUserInfo() != null) {
        // Credentials in a URL end up in logs and error messages; they have their own settings.
        throw new IllegalArgumentException(
            "the Schema Registry URL for host "
                + url.getHost()
                + " carries credentials; give them as basic-auth user and password instead");
      }
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
    }
  }

  /** A registry at {@code url}, without authentication, with a 10 s request timeout. */
  public static SchemaRegistrySettings of(String url) {
    return new SchemaRegistrySettings(
        List.of(URI.create(url)), Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
  }

  /** Every URL, comma-separated, as given. */
  public String describeUrls() {
    return String.join(",", urls.stream().map(URI::toString).toList());
  }

  /** HTTP basic credentials; {@link #toString()} shows the user, never the password. */
  public record BasicAuth(String user, String password) {

    public BasicAuth {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.isEmpty() || user.contains(":")) {
        throw new IllegalArgumentException("a basic-auth user must be non-empty, without ':'");
      }
    }

    @Override
    public String toString() {
      return "BasicAuth[user=" + user + ", password=[hidden]]";
    }
  }

  /**
   * A key store of trusted certificates; {@link #toString()} never shows its password.
   *
   * @param location the file
   * @param password its password; empty for none
   * @param type {@code PKCS12} or {@code JKS}
   */
  public record TrustStore(Path location, String password, String type) {

    public TrustStore {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return "TrustStore[location=" + location + ", type=" + type + ", password=[hidden]]";
    }
  }
}
