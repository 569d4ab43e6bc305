package io.stormwatch.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A local HTTP server that answers like a Schema Registry as each test tells it to, and records
 * what it was asked.
 */
final class LocalRegistryServer implements AutoCloseable {

  /** One request as the server saw it. */
  record Request(String method, String path, String authorization, String body) {}

  /** An answer: status and JSON body. */
  record Answer(int status, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  private LocalRegistryServer(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.start();
  }

  /** A plain-HTTP server on a free loopback port. */
  static LocalRegistryServer http() {
    try {
      return new LocalRegistryServer(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTPS server on a free loopback port, presenting the certificate of {@code tls}. */
  static LocalRegistryServer https(SSLContext tls) {
    try {
      HttpsServer server =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      return new LocalRegistryServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code method path} (path without the base path) with {@code status} and a body. */
  LocalRegistryServer answer(String method, String path, int status, String body) {
    answers.put(method + " " + path, new Answer(status, body));
    return this;
  }

  /** The base URL of the registry API, with a path prefix as Apicurio has. */
  String url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath().replaceFirst("^/apis/ccompat/v7", "");
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestHeaders().getFirst("Authorization"),
            body));
    Answer answer =
        answers.getOrDefault(
            exchange.getRequestMethod() + " " + path,
            new Answer(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
