package io.stormwatch.detector.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apicurio Registry (in-memory storage) in a child JVM on a free loopback port, from the
 * distribution the build unpacks before the integration tests ({@code apicurio.registry.home}). Its
 * Confluent-compatible API is at {@link #confluentApiUrl()}.
 */
public final class ApicurioRegistry implements AutoCloseable {

  /** Where the build unpacks {@code io.apicurio:apicurio-registry-app:*:all:tar.gz}. */
  public static final String HOME_PROPERTY = "apicurio.registry.home";

  private final Process process;
  private final Path log;
  private final String baseUrl;
  private final Thread killOnExit;

  private ApicurioRegistry(Process process, Path log, String baseUrl) {
    this.process = process;
    this.log = log;
    this.baseUrl = baseUrl;
    // A test JVM that dies without its teardown must not leave the registry running.
    this.killOnExit = new Thread(process::destroyForcibly, "apicurio-registry-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts the registry and returns once its Confluent-compatible API answers.
   *
   * @throws IllegalStateException if the distribution is missing, or the registry exits or does not
   *     answer within 3 minutes
   */
  public static ApicurioRegistry start() throws IOException {
    String home = System.getProperty(HOME_PROPERTY);
    if (home == null) {
      throw new IllegalStateException(
          HOME_PROPERTY + " is not set: run the integration tests through Maven (mvn verify)");
    }
    Path runner;
    try (Stream<Path> files = Files.list(Path.of(home))) {
      runner =
          files
              .filter(p -> p.getFileName().toString().endsWith("-runner.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no Apicurio *-runner.jar in " + home));
    }
    int port = freeLoopbackPort();
    Path log = Path.of(home).resolveSibling("apicurio-registry-" + port + ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    // Other builds share the machine: a small heap, one GC thread, quick JIT.
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    runner.toString()))
            .directory(runner.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("HTTP_PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    ApicurioRegistry registry =
        new ApicurioRegistry(builder.start(), log, "http://127.0.0.1:" + port);
    try {
      registry.awaitAnswering();
    } catch (RuntimeException | Error e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** The root of the Confluent Schema Registry API, for {@code schema.registry.url}. */
  public String confluentApiUrl() {
    return baseUrl + "/apis/ccompat/v7";
  }

  /**
   * Sets the registry-wide compatibility level ({@code BACKWARD} is Confluent's default; Apicurio
   * checks nothing until told).
   */
  public void setCompatibility(String level) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/config"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"compatibility\":\"" + level + "\"}", StandardCharsets.UTF_8))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "setting compatibility " + level + " failed: " + response.body());
    }
  }

  /** GET of a path under the Confluent-compatible API, as text. */
  public String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(confluentApiUrl() + path)).GET().build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private void awaitAnswering() {
    await("Apicurio Registry answering at " + confluentApiUrl() + " (log: " + log + ")")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "Apicurio Registry exited with " + process.exitValue() + "; log: " + log);
              }
              try {
                return send(HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/subjects"))
                            .GET()
                            .build())
                        .statusCode()
                    == 200;
              } catch (IOException notYet) {
                return false;
              }
            });
  }

  private static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Stops the registry and waits for its JVM to end. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or will run; nothing to undo
    }
  }
}
