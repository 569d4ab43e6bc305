package io.stormwatch.ingest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Microsoft Entra ID's token endpoint and the Office 365 Management Activity
 * API, following the documented contract: client-credentials tokens (secret, or a client assertion
 * signed with a registered certificate, checked for signature, thumbprint, audience and expiry);
 * per-tenant bearer tokens; subscriptions that must be started ({@code AF20022} before, {@code
 * AF20024} when started again); content listed by creation time in [startTime, endTime) windows of
 * at most 24 hours and not older than 7 days ({@code AF20030}), in pages linked by a {@code
 * NextPageUri} header; blobs fetched from their {@code contentUri}, refused once expired ({@code
 * AF20051}); throttling with 429 and {@code Retry-After}.
 *
 * <p>To exercise a client it can list a page's items out of creation order, repeat an item on the
 * next page, make content listable only some time after its creation, and throttle the next
 * requests.
 */
public final class FakeManagementActivityApi implements AutoCloseable {

  public static final String RESOURCE_SCOPE = "https://manage.office.com/.default";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final HttpServer server;
  private final URI root;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();
  private final Map<String, String> tenantOfToken = new ConcurrentHashMap<>();
  private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
  private final List<Blob> blobs = new CopyOnWriteArrayList<>();
  private final List<String> requestsWithoutPublisher = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> fetchesById = new ConcurrentHashMap<>();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final AtomicInteger throttleNext = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger listRequests = new AtomicInteger();
  private volatile int retryAfterSeconds = 1;
  private volatile int pageSize = 100;
  private volatile boolean scrambleOrder;
  private volatile boolean repeatAcrossPages;
  private volatile String publisherId;
  private volatile String nextPageOrigin;

  /** One content blob: where it belongs, its listing fields and its body. */
  public record Blob(
      String tenant,
      String contentType,
      String contentId,
      Instant created,
      Instant expiration,
      Instant listableFrom,
      byte[] body) {}

  public FakeManagementActivityApi(Clock clock) throws IOException {
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.root = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    server.createContext("/", this::handle);
    server.start();
  }

  /** The API root and login authority: {@code http://127.0.0.1:<port>}. */
  public URI root() {
    return root;
  }

  public void registerSecret(String clientId, String secret) {
    secrets.put(clientId, secret);
  }

  public void registerCertificate(String clientId, X509Certificate certificate) {
    certificates.put(clientId, certificate);
  }

  /** Every request must carry this PublisherIdentifier (recorded, not refused, when missing). */
  public void expectPublisher(String id) {
    this.publisherId = id;
  }

  /** Adds a blob of UAL records, listable from its creation time. */
  public void addBlob(
      String tenant, String contentType, String contentId, Instant created, List<String> records) {
    addBlob(
        new Blob(
            tenant,
            contentType,
            contentId,
            created,
            created.plus(Duration.ofDays(7)),
            created,
            ("[" + String.join(",", records) + "]").getBytes(StandardCharsets.UTF_8)));
  }

  public void addBlob(Blob blob) {
    blobs.add(blob);
  }

  public void pageSize(int size) {
    this.pageSize = size;
  }

  /** Lists every page's items newest first instead of in creation order. */
  public void scrambleOrder(boolean scramble) {
    this.scrambleOrder = scramble;
  }

  /** Repeats the last item of a page at the start of the next one. */
  public void repeatAcrossPages(boolean repeat) {
    this.repeatAcrossPages = repeat;
  }

  /** Answers the next {@code count} API requests with 429 and {@code Retry-After: seconds}. */
  public void throttleNext(int count, int seconds) {
    this.retryAfterSeconds = seconds;
    throttleNext.set(count);
  }

  /**
   * NextPageUri links on another origin (to check that a client does not follow with its token).
   */
  public void linkNextPagesTo(String origin) {
    this.nextPageOrigin = origin;
  }

  /** Makes every issued token invalid, as a rotated credential does. */
  public void revokeTokens() {
    tenantOfToken.clear();
  }

  /** Stops every subscription, as a tenant admin or Microsoft can. */
  public void stopSubscriptions() {
    subscriptions.clear();
  }

  public Set<String> subscriptions() {
    return Set.copyOf(subscriptions);
  }

  public int tokensIssued() {
    return tokensIssued.get();
  }

  public int throttledResponses() {
    return throttled.get();
  }

  public int listRequests() {
    return listRequests.get();
  }

  /** How often each blob was fetched successfully. */
  public Map<String, Integer> fetches() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    fetchesById.forEach((id, n) -> counts.put(id, n.get()));
    return counts;
  }

  public List<String> requestsWithoutPublisher() {
    return List.copyOf(requestsWithoutPublisher);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      String[] parts = path.split("/");
      if (path.endsWith("/oauth2/v2.0/token") && "POST".equals(exchange.getRequestMethod())) {
        token(exchange, parts[1]);
        return;
      }
      // /api/v1.0/{tenant}/activity/feed/...
      if (parts.length < 6 || !"api".equals(parts[1]) || !"activity".equals(parts[4])) {
        send(exchange, 404, error("AF20050", "no such resource " + path), Map.of());
        return;
      }
      String tenant = parts[3];
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (publisherId != null && !publisherId.equals(query.get("PublisherIdentifier"))) {
        requestsWithoutPublisher.add(exchange.getRequestMethod() + " " + path);
      }
      if (!authorised(exchange, tenant)) {
        send(
            exchange,
            401,
            error("AF20010", "the token is not valid for tenant " + tenant),
            Map.of());
        return;
      }
      if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throttled.incrementAndGet();
        send(
            exchange,
            429,
            error("AF429", "Too many requests. Method=" + exchange.getRequestMethod()),
            Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        return;
      }
      String operation = String.join("/", List.of(parts).subList(6, parts.length));
      if (operation.equals("subscriptions/start") && "POST".equals(exchange.getRequestMethod())) {
        start(exchange, tenant, query.get("contentType"));
      } else if (operation.equals("subscriptions/content")) {
        list(exchange, tenant, query);
      } else if (operation.startsWith("audit/")) {
        fetch(exchange, tenant, URLDecoder.decode(parts[parts.length - 1], StandardCharsets.UTF_8));
      } else {
        send(exchange, 404, error("AF20050", "unknown operation " + operation), Map.of());
      }
    } catch (RuntimeException e) {
      send(exchange, 500, error("AF50000", "An internal error occurred: " + e), Map.of());
    } finally {
      exchange.close();
    }
  }

  private void token(HttpExchange exchange, String tenant) throws IOException {
    Map<String, String> form =
        query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String clientId = form.getOrDefault("client_id", "");
    String refusal = null;
    if (!"client_credentials".equals(form.get("grant_type"))) {
      refusal = "unsupported_grant_type";
    } else if (!RESOURCE_SCOPE.equals(form.get("scope"))) {
      refusal = "invalid_scope: AADSTS70011: The provided value for scope is not valid.";
    } else if (form.containsKey("client_secret")) {
      if (!form.get("client_secret").equals(secrets.get(clientId))) {
        refusal = "invalid_client: AADSTS7000215: Invalid client secret provided.";
      }
    } else if (form.containsKey("client_assertion")) {
      refusal = checkAssertion(form, clientId, root + "/" + tenant + "/oauth2/v2.0/token");
    } else {
      refusal = "invalid_client: AADSTS7000216: client_assertion or client_secret is required.";
    }
    if (refusal != null) {
      int colon = refusal.indexOf(':');
      ObjectNode body = JSON.createObjectNode();
      body.put("error", colon < 0 ? refusal : refusal.substring(0, colon));
      body.put(
          "error_description",
          (colon < 0 ? refusal : refusal.substring(colon + 2))
              + "\r\nTrace ID: 00000000\r\nCorrelation ID: 00000000");
      send(exchange, 401, JSON.writeValueAsBytes(body), Map.of());
      return;
    }
    String token = "token-" + tenant + "-" + tokensIssued.incrementAndGet();
    tenantOfToken.put(token, tenant);
    ObjectNode body = JSON.createObjectNode();
    body.put("token_type", "Bearer");
    body.put("expires_in", 3599);
    body.put("ext_expires_in", 3599);
    body.put("access_token", token);
    send(exchange, 200, JSON.writeValueAsBytes(body), Map.of());
  }

  /** Checks a client assertion as Entra ID documents it; returns why it is refused, or null. */
  private String checkAssertion(Map<String, String> form, String clientId, String audience) {
    try {
      if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
          .equals(form.get("client_assertion_type"))) {
        return "invalid_client: AADSTS50027: wrong client_assertion_type";
      }
      X509Certificate certificate = certificates.get(clientId);
      if (certificate == null) {
        return "invalid_client: AADSTS700027: no certificate registered for the application";
      }
      String[] jwt = form.get("client_assertion").split("\\.");
      Base64.Decoder b64 = Base64.getUrlDecoder();
      JsonNode header = JSON.readTree(b64.decode(jwt[0]));
      JsonNode claims = JSON.readTree(b64.decode(jwt[1]));
      String thumbprint =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
      if (!"RS256".equals(header.path("alg").asText())
          || !thumbprint.equals(header.path("x5t#S256").asText())) {
        return "invalid_client: AADSTS700027: the assertion's key is not the registered certificate";
      }
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(certificate.getPublicKey());
      verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(b64.decode(jwt[2]))) {
        return "invalid_client: AADSTS700027: the assertion's signature is not valid";
      }
      long now = clock.instant().getEpochSecond();
      if (!audience.equals(claims.path("aud").asText())
          || !clientId.equals(claims.path("iss").asText())
          || !clientId.equals(claims.path("sub").asText())
          || claims.path("exp").asLong() <= now
          || claims.path("nbf").asLong() > now + 300
          || claims.path("jti").asText().isEmpty()) {
        return "invalid_client: AADSTS700023: the assertion's claims are not valid";
      }
      return null;
    } catch (Exception e) {
      return "invalid_client: AADSTS50012: the assertion cannot be read: " + e;
    }
  }

  private boolean authorised(HttpExchange exchange, String tenant) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return tenant.equals(tenantOfToken.get(header.substring("Bearer ".length())));
  }

  private void start(HttpExchange exchange, String tenant, String contentType) throws IOException {
    if (!subscriptions.add(tenant + "/" + contentType)) {
      send(
          exchange,
          400,
          error("AF20024", "The subscription is already enabled. No property change."),
          Map.of());
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("contentType", contentType);
    body.put("status", "enabled");
    body.putNull("webhook");
    send(exchange, 200, JSON.writeValueAsBytes(body), Map.of());
  }

  private void list(HttpExchange exchange, String tenant, Map<String, String> query)
      throws IOException {
    listRequests.incrementAndGet();
    String contentType = query.get("contentType");
    if (!subscriptions.contains(tenant + "/" + contentType)) {
      send(
          exchange,
          400,
          error("AF20022", "No subscription found for the specified content type"),
          Map.of());
      return;
    }
    Instant now = clock.instant();
    Instant start = time(query.get("startTime"));
    Instant end = time(query.get("endTime"));
    if (start == null
        || end == null
        || !start.isBefore(end)
        || Duration.between(start, end).compareTo(Duration.ofHours(24)) > 0
        || start.isBefore(now.minus(Duration.ofDays(7)))) {
      send(
          exchange,
          400,
          error(
              "AF20030",
              "Start time and end time must both be specified (or both omitted) and must be less"
                  + " than or equal to 24 hours apart, with the start time no more than 7 days in"
                  + " the past."),
          Map.of());
      return;
    }
    List<Blob> window = new ArrayList<>();
    for (Blob blob : blobs) {
      if (blob.tenant().equals(tenant)
          && blob.contentType().equals(contentType)
          && !blob.created().isBefore(start)
          && blob.created().isBefore(end)
          && !now.isBefore(blob.listableFrom())) {
        window.add(blob);
      }
    }
    window.sort((a, b) -> a.created().compareTo(b.created()));
    int from = Integer.parseInt(query.getOrDefault("nextPage", "0"));
    int to = Math.min(window.size(), from + pageSize);
    List<Blob> page = new ArrayList<>();
    if (repeatAcrossPages && from > 0) {
      page.add(window.get(from - 1));
    }
    page.addAll(window.subList(Math.min(from, window.size()), to));
    if (scrambleOrder) {
      Collections.reverse(page);
    }
    ArrayNode items = JSON.createArrayNode();
    for (Blob blob : page) {
      ObjectNode item = items.addObject();
      item.put("contentType", blob.contentType());
      item.put("contentId", blob.contentId());
      item.put(
          "contentUri", root + "/api/v1.0/" + tenant + "/activity/feed/audit/" + blob.contentId());
      item.put("contentCreated", blob.created().toString());
      item.put("contentExpiration", blob.expiration().toString());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (to < window.size()) {
      String origin = nextPageOrigin != null ? nextPageOrigin : root.toString();
      headers.put(
          "NextPageUri",
          origin
              + "/api/v1.0/"
              + tenant
              + "/activity/feed/subscriptions/content?contentType="
              + contentType
              + "&startTime="
              + URLEncoder.encode(query.get("startTime"), StandardCharsets.UTF_8)
              + "&endTime="
              + URLEncoder.encode(query.get("endTime"), StandardCharsets.UTF_8)
              + "&nextPage="
              + to);
    }
    send(exchange, 200, JSON.writeValueAsBytes(items), headers);
  }

  private void fetch(HttpExchange exchange, String tenant, String contentId) throws IOException {
    Blob blob =
        blobs.stream()
            .filter(b -> b.tenant().equals(tenant) && b.contentId().equals(contentId))
            .findFirst()
            .orElse(null);
    if (blob == null) {
      send(
          exchange,
          404,
          error("AF20050", "The specified content (" + contentId + ") does not exist."),
          Map.of());
      return;
    }
    if (!clock.instant().isBefore(blob.expiration())) {
      send(
          exchange,
          400,
          error(
              "AF20051",
              "Content requested with the key "
                  + contentId
                  + " has already expired. Content older than 7 days cannot be retrieved."),
          Map.of());
      return;
    }
    fetchesById.computeIfAbsent(contentId, id -> new AtomicInteger()).incrementAndGet();
    send(exchange, 200, blob.body(), Map.of());
  }

  /** Parses the three documented forms: YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM-DDTHH:MM:SS. */
  private static Instant time(String text) {
    if (text == null) {
      return null;
    }
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static byte[] error(String code, String message) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return JSON.writeValueAsBytes(body);
  }

  private static void send(
      HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
