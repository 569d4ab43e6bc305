package io.stormwatch.kafka.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A second client listener, {@code SASL_SSL} with {@code SCRAM-SHA-512} logins, for testing clients
 * against a secured cluster. The broker's {@code PLAINTEXT} listener and its controller listener
 * stay as they are (loopback only), so the broker needs no credentials to talk to itself.
 *
 * <p>The caller supplies the server's key and certificate as a PKCS12 keystore (a certificate for
 * {@code localhost}; clients verify the host name) and the users. Users are written into the
 * cluster's metadata when its storage is formatted, so they exist from the first request on; a
 * broker restarted on the same data directory keeps the users it was formatted with.
 */
public final class SaslSslListener {

  /** The listener's name, which is also its security protocol. */
  public static final String NAME = "SASL_SSL";

  /** The only SASL mechanism the listener offers. */
  public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

  private final Path keyStore;
  private final String keyStorePassword;
  private final Map<String, String> passwordByUser;

  private SaslSslListener(
      Path keyStore, String keyStorePassword, Map<String, String> passwordByUser) {
    this.keyStore = keyStore;
    this.keyStorePassword = keyStorePassword;
    this.passwordByUser = passwordByUser;
  }

  /**
   * A listener presenting the key and certificate chain of a PKCS12 keystore; no users yet.
   *
   * @param keyStore a PKCS12 file with one private key entry, protected by {@code password}
   */
  public static SaslSslListener withKeyStore(Path keyStore, String password) {
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(password, "password");
    return new SaslSslListener(keyStore.toAbsolutePath(), password, Map.of());
  }

  /**
   * Adds a SCRAM-SHA-512 user.
   *
   * @throws IllegalArgumentException if the name or password is empty or holds a comma (which
   *     Kafka's storage formatter cannot take), or the name holds an equals sign
   */
  public SaslSslListener withScramUser(String name, String password) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(password, "password");
    if (name.isEmpty() || name.contains(",") || name.contains("=")) {
      throw new IllegalArgumentException("a SCRAM user name must be non-empty, without , or =");
    }
    if (password.isEmpty() || password.contains(",")) {
      throw new IllegalArgumentException("a SCRAM password must be non-empty, without a comma");
    }
    Map<String, String> users = new LinkedHashMap<>(passwordByUser);
    users.put(name, password);
    return new SaslSslListener(keyStore, keyStorePassword, Collections.unmodifiableMap(users));
  }

  /** The listener's own settings, under Kafka's {@code listener.name.sasl_ssl.} prefix. */
  Map<String, String> brokerProperties() {
    String prefix = "listener.name." + NAME.toLowerCase(Locale.ROOT) + ".";
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(prefix + "sasl.enabled.mechanisms", SCRAM_MECHANISM);
    // The server side of SCRAM needs a login module entry, without credentials of its own.
    properties.put(
        prefix + SCRAM_MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    properties.put(prefix + "ssl.keystore.type", "PKCS12");
    properties.put(prefix + "ssl.keystore.location", keyStore.toString());
    properties.put(prefix + "ssl.keystore.password", keyStorePassword);
    properties.put(prefix + "ssl.key.password", keyStorePassword);
    return properties;
  }

  /** The users as {@code kafka-storage format --add-scram} arguments. */
  List<String> scramArguments() {
    List<String> arguments = new ArrayList<>();
    passwordByUser.forEach(
        (name, password) ->
            arguments.add(SCRAM_MECHANISM + "=[name=" + name + ",password=" + password + "]"));
    return arguments;
  }

  /** The keystore and the user names; never a password. */
  @Override
  public String toString() {
    return "SaslSslListener{keyStore=" + keyStore + ", users=" + passwordByUser.keySet() + '}';
  }
}
