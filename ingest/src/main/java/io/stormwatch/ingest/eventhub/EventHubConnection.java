package io.stormwatch.ingest.eventhub;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An Event Hubs connection string ({@code Endpoint=sb://<namespace>.servicebus.windows.net/;
 * SharedAccessKeyName=...;SharedAccessKey=...;EntityPath=<hub>}), and what the Kafka endpoint needs
 * from it. The key never appears in {@link #toString()}.
 */
public final class EventHubConnection {

  /** The Kafka endpoint of a namespace listens on this port, with TLS. */
  public static final int KAFKA_PORT = 9093;

  private final String connectionString;
  private final String namespaceHost;
  private final Optional<String> entityPath;

  private EventHubConnection(
      String connectionString, String namespaceHost, Optional<String> entityPath) {
    this.connectionString = connectionString;
    this.namespaceHost = namespaceHost;
    this.entityPath = entityPath;
  }

  /**
   * Parses a connection string.
   *
   * @throws IllegalArgumentException if it has no {@code Endpoint=sb://host/}, or no shared access
   *     key name and key (the message never repeats the key)
   */
  public static EventHubConnection parse(String connectionString) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : connectionString.trim().split(";")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        parts.put(
            part.substring(0, equals).trim().toLowerCase(Locale.ROOT),
            part.substring(equals + 1).trim());
      }
    }
    String endpoint = parts.get("endpoint");
    if (endpoint == null || endpoint.isEmpty()) {
      throw new IllegalArgumentException(
          "the Event Hubs connection string has no Endpoint=sb://<namespace>.servicebus.windows.net/");
    }
    String host;
    try {
      host = URI.create(endpoint).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException(
          "the Endpoint of the Event Hubs connection string is not sb://<namespace>.servicebus.windows.net/");
    }
    if (isBlank(parts.get("sharedaccesskeyname")) || isBlank(parts.get("sharedaccesskey"))) {
      throw new IllegalArgumentException(
          "the Event Hubs connection string needs SharedAccessKeyName and SharedAccessKey");
    }
    Optional<String> entity =
        Optional.ofNullable(parts.get("entitypath")).filter(s -> !s.isBlank());
    return new EventHubConnection(connectionString.trim(), host, entity);
  }

  /** The namespace's host, e.g. {@code contoso-logs.servicebus.windows.net}. */
  public String namespaceHost() {
    return namespaceHost;
  }

  /** {@code <namespace host>:9093}. */
  public String bootstrapServers() {
    return namespaceHost + ":" + KAFKA_PORT;
  }

  /** The event hub the string is scoped to, if it is (a hub-level shared access policy). */
  public Optional<String> entityPath() {
    return entityPath;
  }

  /**
   * Kafka client settings for the Event Hubs endpoint: SASL_SSL with PLAIN, user name {@code
   * $ConnectionString}, the connection string as password; idle connections and metadata renewed
   * before Event Hubs drops them (it closes connections idle for 240 s).
   */
  public Map<String, Object> kafkaClientSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("bootstrap.servers", bootstrapServers());
    settings.put("security.protocol", "SASL_SSL");
    settings.put("sasl.mechanism", "PLAIN");
    settings.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"$ConnectionString\" password=\""
            + connectionString.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\";");
    settings.put("connections.max.idle.ms", 180_000);
    settings.put("metadata.max.age.ms", 180_000);
    settings.put("request.timeout.ms", 60_000);
    return settings;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "EventHubConnection[" + namespaceHost + entityPath.map(e -> "/" + e).orElse("") + "]";
  }
}
