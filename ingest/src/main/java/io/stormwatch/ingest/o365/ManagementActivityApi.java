package io.stormwatch.ingest.o365;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.AuditTimestamps;
import io.stormwatch.ingest.auth.AccessTokens;
import io.stormwatch.ingest.auth.AuthenticationException;
import io.stormwatch.ingest.http.Pause;
import io.stormwatch.ingest.http.ThrottledHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The operations of the Office 365 Management Activity API that polling needs: start a
 * subscription, list available content (every page), retrieve a content blob.
 *
 * <p>Every request carries the tenant's bearer token and, when configured, the {@code
 * PublisherIdentifier}; a refused token (401) is renewed once. Tokens are sent only to the
 * configured API root: a {@code NextPageUri} or {@code contentUri} elsewhere is refused.
 * Thread-safe.
 */
public final class ManagementActivityApi {

  /** The API's error code when a subscription that is already enabled is started again. */
  static final String ALREADY_ENABLED = "AF20024";

  /** The API's error code for content that does not exist. */
  static final String NO_SUCH_CONTENT = "AF20050";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
  private static final DateTimeFormatter WINDOW_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ThrottledHttp http;
  private final AccessTokens tokens;
  private final URI apiRoot;
  private final Optional<String> publisherId;
  private final Duration requestTimeout;

  public ManagementActivityApi(
      ThrottledHttp http,
      AccessTokens tokens,
      URI apiRoot,
      Optional<String> publisherId,
      Duration requestTimeout) {
    this.http = Objects.requireNonNull(http, "http");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.apiRoot = Objects.requireNonNull(apiRoot, "apiRoot");
    this.publisherId = Objects.requireNonNull(publisherId, "publisherId");
    this.requestTimeout = requestTimeout;
  }

  /**
   * The API as {@code settings} describe it, over the JDK's HTTP client (no redirects followed, so
   * that a token never travels to another host).
   *
   * @param pause how retries wait; a stop cuts the wait short
   */
  public static ManagementActivityApi connect(O365Settings settings, Clock clock, Pause pause) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    ThrottledHttp http = new ThrottledHttp(client, settings.retry(), pause, new Random(), clock);
    AccessTokens tokens =
        new AccessTokens(
            http,
            settings.loginAuthority(),
            settings.clientId(),
            settings.credential(),
            settings.resource(),
            settings.requestTimeout(),
            clock);
    return new ManagementActivityApi(
        http, tokens, settings.apiRoot(), settings.publisherId(), settings.requestTimeout());
  }

  /** Throttled (429) responses received so far. */
  public long throttledResponses() {
    return http.throttledResponses();
  }

  /**
   * Starts the subscription to {@code contentType}; one already enabled is fine.
   *
   * @throws ManagementApiException if the API refuses (no permission, unknown tenant, ...)
   */
  public void startSubscription(String tenant, String contentType)
      throws IOException, InterruptedException, AuthenticationException, ManagementApiException {
    URI uri = feedUri(tenant, "subscriptions/start", Map.of("contentType", contentType));
    HttpResponse<byte[]> response = call(tenant, "POST", uri);
    if (response.statusCode() == 200) {
      return;
    }
    ManagementApiException error = errorOf(response, "start subscription " + contentType);
    if (!ALREADY_ENABLED.equals(error.code())) {
      throw error;
    }
  }

  /**
   * Lists the content created in [{@code start}, {@code end}) (at most 24 hours, not older than 7
   * days), following {@code NextPageUri} to the last page.
   */
  public ContentListing listContent(String tenant, String contentType, Instant start, Instant end)
      throws IOException, InterruptedException, AuthenticationException, ManagementApiException {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("contentType", contentType);
    query.put("startTime", WINDOW_TIME.format(start));
    query.put("endTime", WINDOW_TIME.format(end));
    URI page = feedUri(tenant, "subscriptions/content", query);
    Map<String, ContentBlob> byId = new LinkedHashMap<>();
    int pages = 0;
    int repeated = 0;
    while (page != null) {
      HttpResponse<byte[]> response = call(tenant, "GET", page);
      if (response.statusCode() != 200) {
        throw errorOf(response, "list " + contentType + " content");
      }
      pages++;
      JsonNode items = readJson(response.body());
      if (!items.isArray()) {
        throw new ManagementApiException(
            200, "", "listing " + contentType + " content returned no JSON array");
      }
      for (JsonNode item : items) {
        ContentBlob blob = blobOf(item);
        if (byId.putIfAbsent(blob.contentId(), blob) != null) {
          repeated++;
        }
      }
      page = nextPage(response);
    }
    return new ContentListing(byId.values().stream().toList(), pages, repeated);
  }

  /**
   * Retrieves a blob: a JSON array of records, as the API sent it.
   *
   * @throws ContentUnavailableException if it has expired or no longer exists
   */
  public byte[] fetchContent(String tenant, ContentBlob blob)
      throws IOException, InterruptedException, AuthenticationException, ManagementApiException {
    URI uri = onApiRoot(withPublisher(blob.contentUri()), "contentUri");
    HttpResponse<byte[]> response = call(tenant, "GET", uri);
    if (response.statusCode() == 200) {
      return response.body();
    }
    ManagementApiException error = errorOf(response, "retrieve content " + blob.contentId());
    if (ContentUnavailableException.EXPIRED.equals(error.code())
        || NO_SUCH_CONTENT.equals(error.code())
        || response.statusCode() == 404) {
      throw new ContentUnavailableException(error.status(), error.code(), error.getMessage());
    }
    throw error;
  }

  private HttpResponse<byte[]> call(String tenant, String method, URI uri)
      throws IOException, InterruptedException, AuthenticationException {
    HttpResponse<byte[]> response = http.send(request(method, uri, tokens.forTenant(tenant)));
    if (response.statusCode() == 401) {
      // Revoked or rotated credentials invalidate a cached token before it expires.
      tokens.forget(tenant);
      response = http.send(request(method, uri, tokens.forTenant(tenant)));
    }
    return response;
  }

  private HttpRequest request(String method, URI uri, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if ("POST".equals(method)) {
      builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody());
    } else {
      builder.GET();
    }
    return builder.build();
  }

  private URI nextPage(HttpResponse<byte[]> response) throws ManagementApiException {
    Optional<String> next = response.headers().firstValue("NextPageUri");
    if (next.isEmpty() || next.get().isBlank()) {
      return null;
    }
    try {
      return onApiRoot(withPublisher(URI.create(next.get().trim())), "NextPageUri");
    } catch (IllegalArgumentException e) {
      throw new ManagementApiException(200, "", "NextPageUri is not a URI: " + e.getMessage());
    }
  }

  private URI feedUri(String tenant, String operation, Map<String, String> query) {
    Map<String, String> parameters = new LinkedHashMap<>(query);
    publisherId.ifPresent(id -> parameters.put("PublisherIdentifier", id));
    String root = apiRoot.toString().replaceAll("/+$", "");
    return URI.create(
        root
            + "/api/v1.0/"
            + encode(tenant)
            + "/activity/feed/"
            + operation
            + "?"
            + parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
  }

  private URI withPublisher(URI uri) {
    if (publisherId.isEmpty()) {
      return uri;
    }
    String text = uri.toString();
    if (uri.getRawQuery() != null && uri.getRawQuery().contains("PublisherIdentifier=")) {
      return uri;
    }
    return URI.create(
        text
            + (uri.getRawQuery() == null ? "?" : "&")
            + "PublisherIdentifier="
            + encode(publisherId.get()));
  }

  /** The bearer token goes to the API root only, whatever host a response names. */
  private URI onApiRoot(URI uri, String source) throws ManagementApiException {
    boolean same =
        Objects.equals(lower(uri.getScheme()), lower(apiRoot.getScheme()))
            && Objects.equals(lower(uri.getHost()), lower(apiRoot.getHost()))
            && port(uri) == port(apiRoot);
    if (!same) {
      throw new ManagementApiException(
          -1,
          "",
          "refusing to send the tenant's token to "
              + uri.getScheme()
              + "://"
              + uri.getAuthority()
              + " named by "
              + source
              + "; the API root is "
              + apiRoot);
    }
    return uri;
  }

  private static ContentBlob blobOf(JsonNode item) throws ManagementApiException {
    String id = item.path("contentId").asText("");
    String uri = item.path("contentUri").asText("");
    Optional<Instant> created = AuditTimestamps.parse(item.path("contentCreated").asText(null));
    Optional<Instant> expiration =
        AuditTimestamps.parse(item.path("contentExpiration").asText(null));
    if (id.isEmpty() || uri.isEmpty() || created.isEmpty() || expiration.isEmpty()) {
      throw new ManagementApiException(
          200,
          "",
          "a listed content item lacks contentId, contentUri, contentCreated or contentExpiration: "
              + abbreviate(item.toString()));
    }
    try {
      return new ContentBlob(id, URI.create(uri), created.get(), expiration.get());
    } catch (IllegalArgumentException e) {
      throw new ManagementApiException(200, "", "contentUri of " + id + " is not a URI");
    }
  }

  private static ManagementApiException errorOf(HttpResponse<byte[]> response, String operation) {
    JsonNode error = readJson(response.body()).path("error");
    String code = error.path("code").asText("");
    String message = error.path("message").asText("");
    return new ManagementApiException(
        response.statusCode(),
        code,
        operation
            + ": HTTP "
            + response.statusCode()
            + (code.isEmpty() ? "" : " " + code)
            + (message.isEmpty() ? "" : ": " + message));
  }

  private static JsonNode readJson(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? JSON.missingNode() : node;
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }
}
