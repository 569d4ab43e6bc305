package io.stormwatch.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import kafka.server.KafkaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker running inside this JVM: one KRaft node in combined mode
 * (broker and controller), listening on free ports of {@code localhost} only (or on a client port
 * the settings fix, so that it can be stopped and started again at the same address).
 *
 * <p>It supports what a client of one broker can use, including consumer groups, transactions and
 * Kafka Streams {@code exactly_once_v2}. Topics are not created automatically. Several brokers may
 * run in one JVM at once, each with its own ports and data directory.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
 *   Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
 *   ...
 * }
 * }</pre>
 *
 * <p>The broker logs through SLF4J under the {@code kafka}, {@code org.apache.kafka} and {@code
 * state.change.logger} loggers, chattily at INFO; applications usually set them to WARN. No
 * shutdown hook is registered: whoever starts a broker closes it.
 *
 * <p>Unlike a standalone broker, a fatal fault does not halt the JVM; it is logged and, during
 * start, thrown (see {@link NonHaltingFaultHandlers}). One halt remains in Kafka itself: a broker
 * whose data directory fails while it runs halts the JVM, which is why {@link #close()} deletes a
 * temporary data directory only once the broker has fully stopped.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final KraftNode node;
  private final ListenerSockets sockets;
  private final DataDirectory dataDirectory;
  private final String bootstrapServers;
  private final Duration shutdownTimeout;
  private final boolean hasSaslSslListener;
  private final AtomicReference<CompletableFuture<Void>> closing = new AtomicReference<>();

  private EmbeddedKafkaBroker(
      KraftNode node,
      ListenerSockets sockets,
      DataDirectory dataDirectory,
      Duration shutdownTimeout,
      boolean hasSaslSslListener) {
    this.node = node;
    this.sockets = sockets;
    this.dataDirectory = dataDirectory;
    this.bootstrapServers = ListenerPorts.HOST + ":" + sockets.ports().client();
    this.shutdownTimeout = shutdownTimeout;
    this.hasSaslSslListener = hasSaslSslListener;
  }

  /** Starts a broker with a temporary data directory and the single-node defaults. */
  public static EmbeddedKafkaBroker start() {
    return start(EmbeddedKafkaSettings.defaults());
  }

  /**
   * Starts a broker and returns once it accepts clients.
   *
   * @throws IllegalArgumentException if the settings set a property the broker manages itself, or
   *     one Kafka rejects
   * @throws EmbeddedKafkaException if the broker could not be started
   */
  public static EmbeddedKafkaBroker start(EmbeddedKafkaSettings settings) {
    SingleNodeBrokerConfig.rejectManagedProperties(settings.brokerProperties());
    long startingAt = System.nanoTime();
    DataDirectory dataDirectory =
        settings
            .dataDirectory()
            .map(DataDirectory::callerOwned)
            .orElseGet(DataDirectory::createTemporary);
    ListenerSockets sockets = null;
    KraftNode node;
    try {
      sockets = ListenerSockets.bind(settings.clientPort().orElse(0));
      KafkaConfig config =
          SingleNodeBrokerConfig.create(
              sockets.ports(),
              dataDirectory.path(),
              settings.brokerProperties(),
              settings.saslSslListener());
      KraftStorage.formatIfNeeded(
          config,
          settings.saslSslListener().map(SaslSslListener::scramArguments).orElse(List.of()));
      node = KraftNode.assemble(config, sockets, new NonHaltingFaultHandlers());
    } catch (RuntimeException | Error e) {
      // Nothing runs yet, so everything can go at once.
      if (sockets != null) {
        sockets.close();
      }
      releaseQuietly(dataDirectory);
      if (e instanceof IllegalArgumentException
          || e instanceof EmbeddedKafkaException
          || e instanceof Error) {
        throw e;
      }
      throw new EmbeddedKafkaException("could not set up the Kafka broker: " + e.getMessage(), e);
    }

    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker(
            node,
            sockets,
            dataDirectory,
            settings.shutdownTimeout(),
            settings.saslSslListener().isPresent());
    try {
      node.startup();
    } catch (RuntimeException | Error e) {
      broker.close();
      throw new EmbeddedKafkaException("Kafka broker failed to start: " + e.getMessage(), e);
    }
    log.info(
        "Kafka broker started on {} in {} ms (data in {})",
        broker.bootstrapServers,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startingAt),
        dataDirectory);
    return broker;
  }

  /** The address clients connect to, as {@code host:port}, e.g. {@code localhost:40123}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * The address of the {@code SASL_SSL} listener, as {@code host:port}.
   *
   * @throws IllegalStateException if the broker was started without one (see {@link
   *     EmbeddedKafkaSettings#withSaslSslListener})
   */
  public String saslSslBootstrapServers() {
    if (!hasSaslSslListener) {
      throw new IllegalStateException("this broker was started without a SASL_SSL listener");
    }
    return ListenerPorts.HOST + ":" + node.boundPort(SaslSslListener.NAME);
  }

  /** Where the broker keeps its data. */
  Path dataDirectory() {
    return dataDirectory.path();
  }

  /**
   * Stops the broker and then deletes its data directory if it is a temporary one. Returns once
   * both are done, or after the settings' shutdown timeout at the latest; in that case a WARN is
   * logged and stopping and deleting carry on in the background. Safe to call more than once and
   * from several threads.
   */
  @Override
  public void close() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    if (closing.compareAndSet(null, closed)) {
      Thread stopper =
          new Thread(() -> stopAndRelease(closed), "embedded-kafka-stop-" + bootstrapServers);
      // A broker that hangs while stopping must not keep the JVM alive.
      stopper.setDaemon(true);
      stopper.start();
    }
    try {
      closing.get().get(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn(
          "Kafka broker on {} did not stop within {}; it goes on stopping in the background",
          bootstrapServers,
          shutdownTimeout);
    } catch (ExecutionException e) {
      log.warn("Kafka broker on {} did not close cleanly", bootstrapServers, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopAndRelease(CompletableFuture<Void> closed) {
    long stoppingAt = System.nanoTime();
    try {
      node.shutdown(shutdownTimeout);
      sockets.close();
      // Only now: deleting the directory under a running broker makes Kafka halt the JVM.
      dataDirectory.release();
      log.debug(
          "Kafka broker on {} stopped in {} ms",
          bootstrapServers,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppingAt));
      closed.complete(null);
    } catch (RuntimeException | Error e) {
      closed.completeExceptionally(e);
    }
  }

  private static void releaseQuietly(DataDirectory dataDirectory) {
    try {
      dataDirectory.release();
    } catch (RuntimeException e) {
      log.warn("Could not delete Kafka data directory {}", dataDirectory, e);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedKafkaBroker{" + bootstrapServers + ", data=" + dataDirectory + '}';
  }
}
