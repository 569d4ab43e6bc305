package io.stormwatch.ingest.eventhub;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code ingest eventhub} reads from.
 *
 * @param connection the namespace's connection string; empty for a source that needs none (a plain
 *     Kafka cluster standing in for Event Hubs, as in tests)
 * @param bootstrapServers the source's Kafka endpoint
 * @param hub the event hub (the Kafka topic) the diagnostic settings stream to
 * @param consumerGroup the event hub's consumer group
 * @param startAtEarliest where a partition without a checkpoint starts: the oldest retained event,
 *     or only events arriving from now on
 * @param categories the diagnostic-settings categories carried to the raw topic; others are counted
 *     and left out; empty carries all
 * @param clientOverrides further source consumer settings, over the derived ones
 */
public record EventHubSettings(
    Optional<EventHubConnection> connection,
    String bootstrapServers,
    String hub,
    String consumerGroup,
    boolean startAtEarliest,
    Set<String> categories,
    Map<String, Object> clientOverrides) {

  /** The sign-in categories Entra ID's diagnostic settings stream. */
  public static final Set<String> SIGN_IN_CATEGORIES =
      Set.of(
          "SignInLogs",
          "NonInteractiveUserSignInLogs",
          "ServicePrincipalSignInLogs",
          "ManagedIdentitySignInLogs");

  public EventHubSettings {
    Objects.requireNonNull(connection, "connection");
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("no bootstrap servers for the Event Hubs source");
    }
    if (hub == null || hub.isBlank()) {
      throw new IllegalArgumentException("no event hub to read");
    }
    categories = Set.copyOf(categories);
    clientOverrides = Map.copyOf(clientOverrides);
  }

  /** The source consumer's settings, without group or deserializers. */
  public Map<String, Object> consumerSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    connection.ifPresent(c -> settings.putAll(c.kafkaClientSettings()));
    settings.put("bootstrap.servers", bootstrapServers);
    settings.putAll(clientOverrides);
    return settings;
  }

  /** Names this source in checkpoint keys: the namespace (or bootstrap servers) and the hub. */
  public String sourceId() {
    return connection.map(EventHubConnection::namespaceHost).orElse(bootstrapServers) + "/" + hub;
  }
}
