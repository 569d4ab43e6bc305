package io.stormwatch.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The two calls of the Confluent Schema Registry REST API that the wire format needs, on the JDK's
 * HTTP client: register a schema under a subject ({@code POST /subjects/{subject}/versions}) and
 * fetch a schema by id ({@code GET /schemas/ids/{id}}). Confluent Schema Registry, Apicurio ({@code
 * /apis/ccompat/v7}), Karapace and Redpanda serve them.
 *
 * <p>No caching here: see {@link RegistrySchemaResolver}. Thread-safe.
 */
public final class SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9,"
          + " application/json; qs=0.5";
  private static final int MAX_MESSAGE_CHARS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistrySettings settings;
  private final HttpClient http;
  private final Optional<String> authorization;

  /**
   * @throws SchemaRegistryException if the trust store cannot be read
   */
  public SchemaRegistryClient(SchemaRegistrySettings settings) {
    this.settings = settings;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(settings.requestTimeout());
    settings.trustStore().ifPresent(store -> builder.sslContext(sslContext(store)));
    this.http = builder.build();
    this.authorization =
        settings
            .basicAuth()
            .map(
                auth ->
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (auth.user() + ":" + auth.password())
                                    .getBytes(StandardCharsets.UTF_8)));
  }

  public SchemaRegistrySettings settings() {
    return settings;
  }

  /**
   * Registers {@code schema} under {@code subject} (or finds it registered already) and returns its
   * id.
   *
   * @throws SchemaRegistryException if the registry cannot be reached, refuses the request or
   *     rejects the schema (HTTP 409 when it is incompatible with the subject's earlier versions)
   */
  public int register(String subject, Schema schema) {
    String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
    Call call =
        new Call(
            "POST",
            "/subjects/" + pathSegment(subject) + "/versions",
            "register " + schema.getFullName() + " under subject " + subject,
            body);
    Answer answer = send(call);
    JsonNode id = answer.body().get("id");
    if (id == null || !id.canConvertToInt()) {
      throw answer.invalid(call, "the answer has no schema id: " + clip(answer.body()), null);
    }
    return id.intValue();
  }

  /**
   * The Avro schema registered under {@code id}.
   *
   * @throws SchemaRegistryException if the registry cannot be reached or refuses the request, does
   *     not know the id, or the schema is not a self-contained Avro schema
   */
  public Schema schemaById(int id) {
    Call call = new Call("GET", "/schemas/ids/" + id, "fetch schema id " + id, null);
    Answer answer = send(call);
    String type = answer.body().path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw answer.invalid(call, "it is a " + type + " schema, not Avro", null);
    }
    if (answer.body().path("references").size() > 0) {
      throw answer.invalid(
          call, "it refers to other schemas, which Stormwatch does not resolve", null);
    }
    JsonNode text = answer.body().get("schema");
    if (text == null || !text.isTextual()) {
      throw answer.invalid(call, "the answer has no schema: " + clip(answer.body()), null);
    }
    try {
      return new Schema.Parser().parse(text.textValue());
    } catch (SchemaParseException e) {
      throw answer.invalid(call, "not a valid Avro schema: " + e.getMessage(), e);
    }
  }

  /** A successful answer and the registry URL that gave it. */
  private record Answer(URI base, int status, JsonNode body) {
    SchemaRegistryException invalid(Call call, String why, Throwable cause) {
      return new SchemaRegistryException(call.failure(base) + ": " + why, status, cause);
    }
  }

  /** One request, described for error messages. */
  private record Call(String method, String path, String purpose, String body) {
    String failure(URI base) {
      return "Schema Registry at " + base + " could not " + purpose;
    }
  }

  private Answer send(Call call) {
    SchemaRegistryException unreachable = null;
    for (URI base : settings.urls()) {
      HttpResponse<String> response;
      try {
        response = http.send(request(base, call), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        SchemaRegistryException failure = transportFailure(base, call, e);
        if (unreachable == null) {
          unreachable = failure;
        } else {
          unreachable.addSuppressed(failure);
        }
        continue; // the next URL, if any
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(
            call.failure(base) + ": interrupted while waiting for the answer", 0, e);
      }
      return answer(base, call, response);
    }
    throw unreachable;
  }

  private HttpRequest request(URI base, Call call) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(base, call.path()))
            .timeout(settings.requestTimeout())
            .header("Accept", ACCEPT)
            .header("User-Agent", "stormwatch");
    authorization.ifPresent(value -> request.header("Authorization", value));
    if (call.body() == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", CONTENT_TYPE)
          .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
    }
    return request.build();
  }

  private SchemaRegistryException transportFailure(URI base, Call call, IOException e) {
    String why;
    if (e instanceof HttpConnectTimeoutException) {
      why = "could not connect within " + settings.requestTimeout().toMillis() + " ms";
    } else if (e instanceof HttpTimeoutException) {
      why = "no answer within " + settings.requestTimeout().toMillis() + " ms";
    } else if (e instanceof ConnectException) {
      why = "unreachable (connection refused or no route; is the registry running at this URL?)";
    } else if (e instanceof SSLException) {
      why =
          "TLS handshake failed ("
              + e.getMessage()
              + "); if the registry's certificate is not signed by a public authority, set the"
              + " registry trust store";
    } else {
      why = "unreachable: " + e;
    }
    return new SchemaRegistryException(call.failure(base) + ": " + why, 0, e);
  }

  private Answer answer(URI base, Call call, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      try {
        return new Answer(base, status, JSON.readTree(response.body()));
      } catch (IOException e) {
        throw new SchemaRegistryException(
            call.failure(base) + ": the answer is not JSON: " + clip(response.body()), status, e);
      }
    }
    String reason = errorMessage(response.body());
    String failure = call.failure(base);
    String message =
        switch (status) {
          case 401 ->
              failure
                  + ": it refused the credentials (HTTP 401"
                  + reason
                  + "); check the registry's basic-auth user and password";
          case 403 ->
              failure
                  + ": access denied (HTTP 403"
                  + reason
                  + "); the registry user lacks the permission for this";
          case 409 ->
              failure
                  + ": the registry rejected the schema as incompatible with the subject's registered"
                  + " versions (HTTP 409"
                  + reason
                  + "). Evolve the schema compatibly (a new field needs a default) or change the"
                  + " subject's compatibility level";
          case 422 ->
              failure + ": the registry rejected the schema as invalid (HTTP 422" + reason + ")";
          case 404 ->
              call.method().equals("GET") && call.path().startsWith("/schemas/ids/")
                  ? failure
                      + ": no such id in this registry (HTTP 404"
                      + reason
                      + "); the record was written with another registry or the schema was deleted"
                  : failure
                      + ": no such resource (HTTP 404"
                      + reason
                      + "); is the URL the root of the Confluent-compatible API (for Apicurio"
                      + " .../apis/ccompat/v7)?";
          default -> failure + ": HTTP " + status + reason;
        };
    throw new SchemaRegistryException(message, status);
  }

  /** ", error 40901: message" from a registry error body, or the start of a body that is not. */
  private static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode error = JSON.readTree(body);
      if (error.has("message")) {
        return ", error "
            + error.path("error_code").asText("?")
            + ": "
            + clip(error.get("message").asText());
      }
    } catch (IOException notJson) {
      // reported as text below
    }
    return ": " + clip(body);
  }

  private static String clip(Object text) {
    String s = String.valueOf(text).strip();
    return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "...";
  }

  private static URI resolve(URI base, String path) {
    String root = base.toString();
    while (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    return URI.create(root + path);
  }

  private static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static SSLContext sslContext(SchemaRegistrySettings.TrustStore store) {
    try (InputStream in = Files.newInputStream(store.location())) {
      KeyStore keys = KeyStore.getInstance(store.type());
      keys.load(in, store.password().isEmpty() ? null : store.password().toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keys);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new SchemaRegistryException(
          "Cannot read the Schema Registry trust store "
              + store.location()
              + " ("
              + store.type()
              + "): "
              + e.getMessage(),
          0,
          e);
    }
  }
}
