package io.stormwatch.kafka.embedded;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.FaultHandlerFactory;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.Server;
import kafka.server.SharedServer;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.raft.QuorumConfig;
import org.apache.kafka.server.ServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * One KRaft node in combined mode: a controller and a broker sharing their Raft log and metadata.
 *
 * <p>This is what {@code kafka.server.KafkaRaftServer} assembles for {@code kafka-server-start.sh},
 * put together here from the same parts so that two things can be chosen that KafkaRaftServer
 * fixes: where the listening sockets come from ({@link ListenerSockets}) and what a fatal fault
 * does ({@link NonHaltingFaultHandlers}). These classes are Kafka internals without compatibility
 * promises; a Kafka upgrade that changes them shows up as a compile error here.
 */
final class KraftNode {

  private static final Logger log = LoggerFactory.getLogger(KraftNode.class);

  private final ControllerServer controller;
  private final BrokerServer broker;

  private KraftNode(ControllerServer controller, BrokerServer broker) {
    this.controller = controller;
    this.broker = broker;
  }

  /**
   * Assembles a node from formatted storage; starts nothing yet.
   *
   * @throws RuntimeException if the directories of {@code config} are not formatted for it
   */
  static KraftNode assemble(
      KafkaConfig config, ServerSocketFactory sockets, FaultHandlerFactory faultHandlers) {
    Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> storage =
        KafkaRaftServer.initializeLogDirs(config, log, "[KraftNode id=" + config.nodeId() + "] ");
    MetaPropertiesEnsemble metaProperties = storage._1();
    Metrics metrics =
        Server.initializeMetrics(config, Time.SYSTEM, metaProperties.clusterId().orElseThrow());
    SharedServer shared =
        new SharedServer(
            config,
            metaProperties,
            Time.SYSTEM,
            metrics,
            CompletableFuture.completedFuture(
                QuorumConfig.parseVoterConnections(config.quorumConfig().voters())),
            QuorumConfig.parseBootstrapServers(config.quorumConfig().bootstrapServers()),
            faultHandlers,
            sockets);
    // Both share (and the last of them to stop closes) the Raft log, metadata loader and metrics.
    ControllerServer controller =
        new ControllerServer(shared, KafkaRaftServer.configSchema(), storage._2());
    BrokerServer broker = new BrokerServer(shared);
    return new KraftNode(controller, broker);
  }

  /** The port the broker's listener {@code listenerName} is bound to; once started. */
  int boundPort(String listenerName) {
    return broker.boundPort(ListenerName.normalised(listenerName));
  }

  /** Starts the controller, then the broker; returns once the broker accepts clients. */
  void startup() {
    // The controller first: the broker registers with it and waits to be let in.
    controller.startup();
    broker.startup();
  }

  /**
   * Stops the broker, then the controller, blocking until both are down.
   *
   * @param controlledShutdownTimeout how long the broker may wait for the controller to acknowledge
   *     its controlled shutdown before stopping anyway
   */
  void shutdown(Duration controlledShutdownTimeout) {
    // The broker first: its controlled shutdown is a request to the controller.
    broker.shutdown(controlledShutdownTimeout);
    controller.shutdown();
    broker.awaitShutdown();
    controller.awaitShutdown();
  }
}
