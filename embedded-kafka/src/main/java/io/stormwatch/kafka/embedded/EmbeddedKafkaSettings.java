package io.stormwatch.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to start an {@link EmbeddedKafkaBroker}. Immutable; every {@code with…} method returns a
 * copy.
 *
 * <p>Defaults: a fresh temporary data directory that is deleted on close, no extra broker
 * properties, a free client port, and a shutdown bounded by {@link #DEFAULT_SHUTDOWN_TIMEOUT}.
 */
public final class EmbeddedKafkaSettings {

  /** Upper bound for {@link EmbeddedKafkaBroker#close()}; a clean stop takes about a second. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  private static final EmbeddedKafkaSettings DEFAULTS =
      new EmbeddedKafkaSettings(null, Map.of(), DEFAULT_SHUTDOWN_TIMEOUT, null, 0);

  private final Path dataDirectory;
  private final Map<String, String> brokerProperties;
  private final Duration shutdownTimeout;
  private final SaslSslListener saslSslListener;
  private final int clientPort; // 0: a free port

  private EmbeddedKafkaSettings(
      Path dataDirectory,
      Map<String, String> brokerProperties,
      Duration shutdownTimeout,
      SaslSslListener saslSslListener,
      int clientPort) {
    this.dataDirectory = dataDirectory;
    this.brokerProperties = brokerProperties;
    this.shutdownTimeout = shutdownTimeout;
    this.saslSslListener = saslSslListener;
    this.clientPort = clientPort;
  }

  public static EmbeddedKafkaSettings defaults() {
    return DEFAULTS;
  }

  /**
   * Keeps the broker's data (its log directory) in {@code directory} instead of a temporary
   * directory. The directory is created if needed, formatted on first use and reused as it is
   * afterwards, and is <em>not</em> deleted on close: it belongs to the caller.
   */
  public EmbeddedKafkaSettings withDataDirectory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new EmbeddedKafkaSettings(
        directory, brokerProperties, shutdownTimeout, saslSslListener, clientPort);
  }

  /**
   * Adds or replaces one broker property, on top of the single-node defaults. Properties that
   * define the node's identity, roles, listeners, quorum or directories are managed by the broker
   * itself and are rejected at start.
   */
  public EmbeddedKafkaSettings withBrokerProperty(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new LinkedHashMap<>(brokerProperties);
    copy.put(name, value);
    return new EmbeddedKafkaSettings(
        dataDirectory,
        Collections.unmodifiableMap(copy),
        shutdownTimeout,
        saslSslListener,
        clientPort);
  }

  /** Adds or replaces several broker properties; see {@link #withBrokerProperty}. */
  public EmbeddedKafkaSettings withBrokerProperties(Map<String, String> properties) {
    EmbeddedKafkaSettings result = this;
    for (Map.Entry<String, String> property : properties.entrySet()) {
      result = result.withBrokerProperty(property.getKey(), property.getValue());
    }
    return result;
  }

  /** How long {@link EmbeddedKafkaBroker#close()} waits for the broker to stop. */
  public EmbeddedKafkaSettings withShutdownTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("shutdown timeout must be positive: " + timeout);
    }
    return new EmbeddedKafkaSettings(
        dataDirectory, brokerProperties, timeout, saslSslListener, clientPort);
  }

  /**
   * Adds a {@code SASL_SSL} listener with SCRAM logins beside the {@code PLAINTEXT} one; see {@link
   * EmbeddedKafkaBroker#saslSslBootstrapServers()}.
   */
  public EmbeddedKafkaSettings withSaslSslListener(SaslSslListener listener) {
    Objects.requireNonNull(listener, "listener");
    return new EmbeddedKafkaSettings(
        dataDirectory, brokerProperties, shutdownTimeout, listener, clientPort);
  }

  /**
   * Listens for clients on {@code port} of localhost instead of a free port. With the same data
   * directory, a broker started again on the port of one that was closed is, to its clients, the
   * same broker restarted: they reconnect to the address they know.
   *
   * @throws IllegalArgumentException if {@code port} is not between 1 and 65535
   */
  public EmbeddedKafkaSettings withClientPort(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("client port must be between 1 and 65535: " + port);
    }
    return new EmbeddedKafkaSettings(
        dataDirectory, brokerProperties, shutdownTimeout, saslSslListener, port);
  }

  /** The caller's data directory, or empty for a temporary one. */
  public Optional<Path> dataDirectory() {
    return Optional.ofNullable(dataDirectory);
  }

  /** Extra broker properties, applied over the single-node defaults. */
  public Map<String, String> brokerProperties() {
    return brokerProperties;
  }

  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** The {@code SASL_SSL} listener to add, or empty for the {@code PLAINTEXT} listener alone. */
  public Optional<SaslSslListener> saslSslListener() {
    return Optional.ofNullable(saslSslListener);
  }

  /** The client port asked for, or empty for a free one. */
  public OptionalInt clientPort() {
    return clientPort == 0 ? OptionalInt.empty() : OptionalInt.of(clientPort);
  }

  @Override
  public String toString() {
    return "EmbeddedKafkaSettings{dataDirectory="
        + dataDirectory().map(Path::toString).orElse("<temporary>")
        + ", brokerProperties="
        + brokerProperties
        + ", shutdownTimeout="
        + shutdownTimeout
        + (saslSslListener == null ? "" : ", saslSslListener=" + saslSslListener)
        + ", clientPort="
        + (clientPort == 0 ? "<free>" : clientPort)
        + '}';
  }
}
