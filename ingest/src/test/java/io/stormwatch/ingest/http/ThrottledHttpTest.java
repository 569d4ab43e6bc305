package io.stormwatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.stormwatch.ingest.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThrottledHttpTest {

  private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final List<Duration> waits = new ArrayList<>();
  private final AtomicInteger throttleFirst = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          if (throttleFirst.getAndDecrement() > 0) {
            exchange.getResponseHeaders().set("Retry-After", "7");
            exchange.sendResponseHeaders(429, -1);
          } else {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("[]".getBytes());
          }
          exchange.close();
        });
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void waitsOutEachThrottleForAtLeastItsRetryAfterAndThenSucceeds() throws Exception {
    throttleFirst.set(2);
    ThrottledHttp http = http(5, recording());

    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(requests).hasValue(3);
    assertThat(http.throttledResponses()).isEqualTo(2);
    assertThat(waits)
        .hasSize(2)
        .allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
  }

  @Test
  void handsBackTheThrottledResponseOnceTheRetriesAreSpent() throws Exception {
    throttleFirst.set(10);
    ThrottledHttp http = http(2, recording());

    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build());

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(requests).hasValue(3);
  }

  @Test
  void stopsWaitingWhenAskedToStop() {
    throttleFirst.set(10);
    StopSignal stop = new StopSignal();
    stop.stop();
    ThrottledHttp http = http(5, stop);

    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(uri).build()))
        .isInstanceOf(IngestStoppedException.class);
    assertThat(requests).hasValue(1);
  }

  @Test
  void readsRetryAfterInSecondsOrAsAnHttpDate() {
    ThrottledHttp http = http(1, recording());

    assertThat(http.parseRetryAfter("120")).contains(Duration.ofMinutes(2));
    assertThat(http.parseRetryAfter("Tue, 3 Mar 2026 10:00:30 GMT"))
        .contains(Duration.ofSeconds(30));
    assertThat(http.parseRetryAfter("Tue, 3 Mar 2026 09:00:00 GMT")).contains(Duration.ZERO);
    assertThat(http.parseRetryAfter("soon")).isEqualTo(Optional.empty());
  }

  /** Records each wait instead of waiting. */
  private Pause recording() {
    return d -> {
      waits.add(d);
      return true;
    };
  }

  private ThrottledHttp http(int retries, Pause pause) {
    return new ThrottledHttp(
        HttpClient.newHttpClient(),
        new RetryPolicy(retries, Duration.ofSeconds(1), Duration.ofSeconds(30)),
        pause,
        new Random(1),
        clock);
  }
}
