package io.stormwatch.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

class ListenerSocketsTest {

  @Test
  void bindsTwoDistinctPortsOnLocalhostRightAway() throws IOException {
    try (ListenerSockets sockets = ListenerSockets.bindFreePorts()) {
      ListenerPorts ports = sockets.ports();

      assertThat(ports.client()).isPositive().isNotEqualTo(ports.controller());
      assertThat(ports.controller()).isPositive();
      // Already listening: nobody else can take the ports between now and the broker's start.
      try (SocketChannel connection =
          SocketChannel.open(new InetSocketAddress(ListenerPorts.HOST, ports.client()))) {
        assertThat(connection.isConnected()).isTrue();
      }
    }
  }

  @Test
  void bindsTheClientPortAskedForAgainOnceItsBrokerClosedIt() throws IOException {
    int port;
    try (ListenerSockets first = ListenerSockets.bindFreePorts();
        ServerSocketChannel taken = open(first, SingleNodeBrokerConfig.CLIENT_LISTENER)) {
      port = first.ports().client();
      // A connection accepted and closed by the listener leaves the port in TIME_WAIT.
      try (SocketChannel connection =
          SocketChannel.open(new InetSocketAddress(ListenerPorts.HOST, port))) {
        taken.configureBlocking(true);
        taken.accept().close();
      }
    }

    try (ListenerSockets again = ListenerSockets.bind(port)) {
      assertThat(again.ports().client()).isEqualTo(port);
    }
  }

  @Test
  void handsEachListenerItsBoundSocketReadyForKafka() throws IOException {
    try (ListenerSockets sockets = ListenerSockets.bindFreePorts()) {
      ServerSocketChannel client = open(sockets, SingleNodeBrokerConfig.CLIENT_LISTENER);
      ServerSocketChannel controller = open(sockets, SingleNodeBrokerConfig.CONTROLLER_LISTENER);
      try (client;
          controller) {
        assertThat(client.socket().getLocalPort()).isEqualTo(sockets.ports().client());
        assertThat(controller.socket().getLocalPort()).isEqualTo(sockets.ports().controller());
        assertThat(client.isBlocking()).isFalse();
      }
    }
  }

  @Test
  void closeReleasesTheSocketsKafkaDidNotTake() throws IOException {
    ListenerSockets sockets = ListenerSockets.bindFreePorts();
    ServerSocketChannel taken = open(sockets, SingleNodeBrokerConfig.CLIENT_LISTENER);

    sockets.close();

    try (taken;
        ServerSocketChannel rebound = ServerSocketChannel.open()) {
      assertThat(taken.isOpen()).as("Kafka's to close").isTrue();
      rebound.bind(new InetSocketAddress(ListenerPorts.HOST, sockets.ports().controller()));
    }
  }

  @Test
  void anyOtherListenerIsBoundAsKafkaWouldBindIt() throws IOException {
    try (ListenerSockets sockets = ListenerSockets.bindFreePorts();
        ServerSocketChannel other =
            sockets.openServerSocket(
                "EXTRA", new InetSocketAddress(ListenerPorts.HOST, 0), 50, -1)) {
      assertThat(other.socket().getLocalPort())
          .isPositive()
          .isNotIn(sockets.ports().client(), sockets.ports().controller());
    }
  }

  private static ServerSocketChannel open(ListenerSockets sockets, String listener)
      throws IOException {
    return sockets.openServerSocket(
        listener, new InetSocketAddress(ListenerPorts.HOST, 0), 50, 102_400);
  }
}
