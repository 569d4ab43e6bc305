package io.stormwatch.detector.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.detector.app.DetectorHealth;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationsServerTest {

  private final AtomicReference<DetectorHealth> health =
      new AtomicReference<>(new DetectorHealth(State.CREATED, 0));
  private final HttpClient http = HttpClient.newHttpClient();
  private OperationsServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        OperationsServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            health::get,
            () -> "# TYPE up gauge\nup 1.0\n");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersReadyOnlyWhenTheDetectorRunsWithItsStateRestored() throws Exception {
    assertThat(get("/ready").statusCode()).isEqualTo(503);

    health.set(new DetectorHealth(State.RUNNING, 1));
    HttpResponse<String> restoring = get("/ready");
    assertThat(restoring.statusCode()).isEqualTo(503);
    assertThat(restoring.body())
        .isEqualTo("{\"status\":\"NOT_READY\",\"state\":\"RUNNING\",\"partitionsRestoring\":1}\n");

    health.set(new DetectorHealth(State.RUNNING, 0));
    HttpResponse<String> ready = get("/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void answersHealthyUntilTheDetectorFailsOrStops() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/health").body()).contains("\"status\":\"UP\"", "\"state\":\"CREATED\"");

    health.set(new DetectorHealth(State.ERROR, 0));

    assertThat(get("/health").statusCode()).isEqualTo(503);
    assertThat(get("/health").body()).contains("\"status\":\"DOWN\"", "\"state\":\"ERROR\"");
  }

  @Test
  void servesMetricsInThePrometheusTextFormat() throws Exception {
    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValue(OperationsServer.PROMETHEUS_TEXT);
    assertThat(metrics.body()).isEqualTo("# TYPE up gauge\nup 1.0\n");
  }

  @Test
  void refusesOtherPathsAndMethods() throws Exception {
    assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
    assertThat(get("/").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri("/ready"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void stopsListeningWhenClosed() {
    server.close();

    assertThatThrownBy(() -> get("/health")).isInstanceOf(ConnectException.class);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    InetSocketAddress address = server.address();
    return URI.create(
        "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path);
  }
}
