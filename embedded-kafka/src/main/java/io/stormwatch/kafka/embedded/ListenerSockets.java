package io.stormwatch.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.server.ServerSocketFactory;

/**
 * The node's two listening sockets, bound to free ports before the node is configured and handed to
 * Kafka when its socket servers start.
 *
 * <p>Both ports must be known before start: the controller's is part of {@code
 * controller.quorum.voters}, and Kafka offers no public way to read back the port of a listener
 * configured with port 0. Binding port 0 here and keeping the socket open until Kafka takes it over
 * leaves no window in which another process (or another broker in this JVM) could grab the port, so
 * there is nothing to retry.
 */
final class ListenerSockets implements ServerSocketFactory, AutoCloseable {

  /** Kafka's default {@code socket.listen.backlog.size}; the backlog is fixed when binding. */
  private static final int LISTEN_BACKLOG = 50;

  private final ListenerPorts ports;
  private final Map<String, ServerSocketChannel> notYetTaken = new ConcurrentHashMap<>();

  private ListenerSockets(ServerSocketChannel client, ServerSocketChannel controller) {
    this.ports = new ListenerPorts(portOf(client), portOf(controller));
    notYetTaken.put(SingleNodeBrokerConfig.CLIENT_LISTENER, client);
    notYetTaken.put(SingleNodeBrokerConfig.CONTROLLER_LISTENER, controller);
  }

  /** Binds two sockets to free ports of {@link ListenerPorts#HOST}. */
  static ListenerSockets bindFreePorts() {
    return bind(0);
  }

  /**
   * Binds the client socket to {@code clientPort} of {@link ListenerPorts#HOST} (0: a free port)
   * and the controller's to a free port.
   */
  static ListenerSockets bind(int clientPort) {
    ServerSocketChannel client = null;
    try {
      client = bindPort(clientPort);
      return new ListenerSockets(client, bindPort(0));
    } catch (IOException e) {
      closeQuietly(client);
      throw new UncheckedIOException(
          "could not bind "
              + (clientPort == 0 ? "a free port" : "port " + clientPort)
              + " on "
              + ListenerPorts.HOST,
          e);
    }
  }

  ListenerPorts ports() {
    return ports;
  }

  /**
   * Called by Kafka's socket servers: hands over the socket bound for {@code listenerName}. Any
   * other listener (one added later through a dynamic config change) is bound as Kafka would.
   */
  @Override
  public ServerSocketChannel openServerSocket(
      String listenerName, InetSocketAddress address, int listenBacklogSize, int recvBufferSize)
      throws IOException {
    ServerSocketChannel channel = notYetTaken.remove(listenerName);
    if (channel == null) {
      return ServerSocketFactory.INSTANCE.openServerSocket(
          listenerName, address, listenBacklogSize, recvBufferSize);
    }
    // The same preparation Kafka's own factory does, minus the bind.
    channel.configureBlocking(false);
    if (recvBufferSize != -1) {
      channel.socket().setReceiveBufferSize(recvBufferSize);
    }
    return channel;
  }

  /** Closes the sockets Kafka has not taken over (after a failed start); Kafka closes the rest. */
  @Override
  public void close() {
    notYetTaken.values().forEach(ListenerSockets::closeQuietly);
    notYetTaken.clear();
  }

  // Resolved as Kafka resolves the listener host, so clients of "localhost" find the socket.
  private static ServerSocketChannel bindPort(int port) throws IOException {
    ServerSocketChannel channel = ServerSocketChannel.open();
    try {
      channel.bind(
          new InetSocketAddress(InetAddress.getByName(ListenerPorts.HOST), port), LISTEN_BACKLOG);
      return channel;
    } catch (IOException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static int portOf(ServerSocketChannel channel) {
    return channel.socket().getLocalPort();
  }

  private static void closeQuietly(ServerSocketChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Closing an unused listening socket cannot lose anything.
    }
  }
}
