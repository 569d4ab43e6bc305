package io.stormwatch.detector.operations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stormwatch.detector.app.DetectorHealth;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The detector's HTTP endpoints for whatever runs it: {@code /metrics} in the Prometheus text
 * format, {@code /health} (liveness) and {@code /ready} (readiness), 200 or 503 with the state as
 * JSON. Plain JDK HTTP server, two daemon threads.
 */
final class OperationsServer implements AutoCloseable {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String JSON = "application/json";

  private final HttpServer server;
  private final ExecutorService handlers;

  private OperationsServer(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /**
   * Serves the endpoints on {@code address} (port 0: a free one) until closed.
   *
   * @throws IOException if the address cannot be bound, e.g. the port is taken
   */
  static OperationsServer start(
      InetSocketAddress address, Supplier<DetectorHealth> health, Supplier<String> metrics)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService handlers =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "stormwatch-operations-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(handlers);
    server.createContext(
        "/metrics",
        exchange -> serve(exchange, () -> new Response(200, PROMETHEUS_TEXT, metrics.get())));
    server.createContext(
        "/health",
        exchange ->
            serve(
                exchange,
                () -> {
                  DetectorHealth now = health.get();
                  return healthResponse(now.live(), now.live() ? "UP" : "DOWN", now);
                }));
    server.createContext(
        "/ready",
        exchange ->
            serve(
                exchange,
                () -> {
                  DetectorHealth now = health.get();
                  return healthResponse(now.ready(), now.ready() ? "READY" : "NOT_READY", now);
                }));
    server.start();
    return new OperationsServer(server, handlers);
  }

  /** Where it listens, with the port it was given. */
  InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }

  private record Response(int status, String contentType, String body) {}

  private static Response healthResponse(boolean good, String status, DetectorHealth health) {
    String body =
        "{\"status\":\""
            + status
            + "\",\"state\":\""
            + health.state()
            + "\",\"partitionsRestoring\":"
            + health.partitionsRestoring()
            + "}\n";
    return new Response(good ? 200 : 503, JSON, body);
  }

  private static void serve(HttpExchange exchange, Supplier<Response> endpoint) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      // A context matches every path it prefixes; only the exact path is an endpoint.
      if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Response response;
      try {
        response = endpoint.get();
      } catch (RuntimeException e) {
        response = new Response(500, "text/plain; charset=utf-8", e + "\n");
      }
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if (method.equals("HEAD") || body.length == 0) {
        exchange.sendResponseHeaders(response.status(), -1); // -1: no body; 0 would mean chunked
        return;
      }
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
