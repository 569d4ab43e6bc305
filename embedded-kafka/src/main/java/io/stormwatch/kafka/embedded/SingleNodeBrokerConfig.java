package io.stormwatch.kafka.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import kafka.server.KafkaConfig;

/**
 * The broker configuration of one KRaft node in combined mode (broker and controller in one
 * process), tuned so that everything a client may ask for works with a single replica.
 */
final class SingleNodeBrokerConfig {

  static final int NODE_ID = 1;
  static final String CLIENT_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  /**
   * Properties that make up the node itself (identity, roles, listeners, quorum, storage). They
   * follow from the chosen ports and data directory, so callers may not set them.
   */
  static final Set<String> MANAGED_PROPERTIES =
      Set.of(
          "process.roles",
          "node.id",
          "broker.id",
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "inter.broker.listener.name",
          "security.inter.broker.protocol",
          "controller.listener.names",
          "controller.quorum.voters",
          "controller.quorum.bootstrap.servers",
          "log.dir",
          "log.dirs",
          "metadata.log.dir");

  /** Single-node defaults; callers may override any of them. */
  static Map<String, String> singleNodeDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    // Internal topics default to 3 replicas (and min ISR 2), which one node can never host:
    // consumer groups, transactions (and so exactly_once_v2) and share groups would fail.
    defaults.put("offsets.topic.replication.factor", "1");
    defaults.put("transaction.state.log.replication.factor", "1");
    defaults.put("transaction.state.log.min.isr", "1");
    defaults.put("share.coordinator.state.topic.replication.factor", "1");
    defaults.put("share.coordinator.state.topic.min.isr", "1");
    defaults.put("default.replication.factor", "1");
    defaults.put("min.insync.replicas", "1");
    // Internal topics are created on first use; 50 partitions each (the default) buy nothing on
    // one node and cost time: about 0.7 s more for the first transaction and group, and slower
    // shutdowns.
    defaults.put("offsets.topic.num.partitions", "1");
    defaults.put("transaction.state.log.num.partitions", "1");
    defaults.put("share.coordinator.state.topic.num.partitions", "1");
    // Nobody else will join: do not hold the first rebalance back waiting for more members.
    defaults.put("group.initial.rebalance.delay.ms", "0");
    defaults.put("group.streams.initial.rebalance.delay.ms", "0");
    // Time-based retention compares a segment's newest record timestamp with the wall clock.
    // Replayed audit logs carry their original, possibly months-old event times, so with the
    // default 7 days the first retention check (30 s after start) deletes them. Keep data until
    // the broker is closed; a topic that wants retention sets retention.ms itself.
    defaults.put("log.retention.ms", "-1");
    // Stormwatch creates its topics explicitly; a typo must fail, not create a topic.
    defaults.put("auto.create.topics.enable", "false");
    // controlled.shutdown.enable stays true although no other broker can take over leadership:
    // it records in the metadata log that the broker left. Without it, a restart on the same
    // data directory finds the old registration (old port) still alive, waits for its session
    // to expire and sends transaction markers to the dead port. It costs ~0.2 s per close.

    // Startup waits for metadata catch-up and unfencing; bound it instead of waiting forever.
    defaults.put("server.max.startup.time.ms", "60000");
    return defaults;
  }

  private SingleNodeBrokerConfig() {}

  /**
   * Builds the configuration for a node listening on {@code ports} of {@link ListenerPorts#HOST}
   * and keeping its data in {@code logDirectory}.
   *
   * @throws IllegalArgumentException if {@code overrides} sets a {@linkplain #MANAGED_PROPERTIES
   *     managed property} or Kafka rejects the resulting configuration
   */
  static KafkaConfig create(ListenerPorts ports, Path logDirectory, Map<String, String> overrides) {
    return create(ports, logDirectory, overrides, Optional.empty());
  }

  /**
   * Like {@link #create(ListenerPorts, Path, Map)}, with a {@code SASL_SSL} listener on a free port
   * of {@link ListenerPorts#HOST} (bound and advertised by Kafka) when {@code saslSsl} is present.
   */
  static KafkaConfig create(
      ListenerPorts ports,
      Path logDirectory,
      Map<String, String> overrides,
      Optional<SaslSslListener> saslSsl) {
    rejectManagedProperties(overrides);
    Properties properties = new Properties();
    properties.putAll(singleNodeDefaults());
    properties.putAll(overrides);
    properties.putAll(nodeProperties(ports, logDirectory));
    saslSsl.ifPresent(listener -> addSaslSslListener(properties, listener));
    try {
      // doLog=false: Kafka would otherwise log every one of its ~400 settings at INFO.
      return new KafkaConfig(properties, false);
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw new IllegalArgumentException("invalid broker configuration: " + e.getMessage(), e);
    }
  }

  static void rejectManagedProperties(Map<String, String> overrides) {
    Set<String> managed = new TreeSet<>(overrides.keySet());
    managed.retainAll(MANAGED_PROPERTIES);
    if (!managed.isEmpty()) {
      throw new IllegalArgumentException(
          "these broker properties are managed by the embedded broker and cannot be set: "
              + managed);
    }
  }

  /**
   * Port 0: Kafka binds a free port and advertises the port it bound. Clients and the broker itself
   * keep using PLAINTEXT between themselves, so the broker needs no credentials of its own.
   */
  private static void addSaslSslListener(Properties properties, SaslSslListener listener) {
    String endpoint = SaslSslListener.NAME + "://" + ListenerPorts.HOST + ":0";
    properties.put("listeners", properties.getProperty("listeners") + "," + endpoint);
    properties.put(
        "advertised.listeners", properties.getProperty("advertised.listeners") + "," + endpoint);
    properties.put(
        "listener.security.protocol.map",
        properties.getProperty("listener.security.protocol.map")
            + ","
            + SaslSslListener.NAME
            + ":SASL_SSL");
    properties.putAll(listener.brokerProperties());
  }

  private static Map<String, String> nodeProperties(ListenerPorts ports, Path logDirectory) {
    String host = ListenerPorts.HOST;
    Map<String, String> node = new LinkedHashMap<>();
    node.put("process.roles", "broker,controller");
    node.put("node.id", Integer.toString(NODE_ID));
    node.put(
        "listeners",
        CLIENT_LISTENER
            + "://"
            + host
            + ":"
            + ports.client()
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + host
            + ":"
            + ports.controller());
    node.put("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + ports.client());
    node.put(
        "listener.security.protocol.map",
        CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    node.put("inter.broker.listener.name", CLIENT_LISTENER);
    node.put("controller.listener.names", CONTROLLER_LISTENER);
    // A static quorum of one voter: the node elects itself at once, nothing to bootstrap.
    node.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + ports.controller());
    node.put("log.dirs", logDirectory.toAbsolutePath().toString());
    return node;
  }
}
