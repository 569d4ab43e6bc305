package io.stormwatch.ingest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.ingest.auth.ClientCredential.ClientCertificate;
import io.stormwatch.ingest.auth.ClientCredential.ClientSecret;
import io.stormwatch.ingest.http.ThrottledHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Access tokens for one application in many tenants, by the OAuth 2.0 client credentials grant
 * against the v2.0 token endpoint ({@code {authority}/{tenant}/oauth2/v2.0/token}, scope {@code
 * {resource}/.default}). A token is reused until five minutes before it expires. Thread-safe.
 */
public final class AccessTokens {

  /** A token is renewed this long before it expires, so that no request carries a stale one. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ThrottledHttp http;
  private final URI authority;
  private final String clientId;
  private final ClientCredential credential;
  private final String scope;
  private final Duration requestTimeout;
  private final Clock clock;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, Instant renewAt) {}

  /**
   * @param authority the login host, e.g. {@code https://login.microsoftonline.com}
   * @param resource the API the tokens are for, e.g. {@code https://manage.office.com}
   */
  public AccessTokens(
      ThrottledHttp http,
      URI authority,
      String clientId,
      ClientCredential credential,
      String resource,
      Duration requestTimeout,
      Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.authority = Objects.requireNonNull(authority, "authority");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.credential = Objects.requireNonNull(credential, "credential");
    this.scope = stripTrailingSlash(resource) + "/.default";
    this.requestTimeout = requestTimeout;
    this.clock = clock;
  }

  /**
   * A valid access token for {@code tenant}.
   *
   * @throws AuthenticationException if Entra ID refuses (wrong secret, unknown application, no
   *     consent in that tenant), with its error description
   */
  public String forTenant(String tenant)
      throws IOException, InterruptedException, AuthenticationException {
    Token cached = tokens.get(tenant);
    if (cached != null && clock.instant().isBefore(cached.renewAt())) {
      return cached.value();
    }
    Token fresh = request(tenant);
    tokens.put(tenant, fresh);
    return fresh.value();
  }

  /** Drops the cached token of {@code tenant}, after the API refused it. */
  public void forget(String tenant) {
    tokens.remove(tenant);
  }

  /** The token endpoint of {@code tenant}. */
  public String tokenEndpoint(String tenant) {
    return stripTrailingSlash(authority.toString()) + "/" + tenant + "/oauth2/v2.0/token";
  }

  private Token request(String tenant)
      throws IOException, InterruptedException, AuthenticationException {
    String endpoint = tokenEndpoint(tenant);
    Instant now = clock.instant();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("scope", scope);
    if (credential instanceof ClientCertificate certificate) {
      form.put("client_assertion_type", ASSERTION_TYPE);
      form.put("client_assertion", ClientAssertion.sign(certificate, endpoint, clientId, now));
    } else {
      form.put("client_secret", ((ClientSecret) credential).value());
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint))
            .timeout(requestTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
            .build();
    HttpResponse<byte[]> response = http.send(request);
    JsonNode body = readJson(response.body());
    if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
      throw new AuthenticationException(
          "Entra ID refused a token for tenant "
              + tenant
              + " (HTTP "
              + response.statusCode()
              + "): "
              + describeError(body));
    }
    long expiresIn = body.path("expires_in").asLong(3599);
    Instant renewAt = now.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
    return new Token(body.get("access_token").asText(), renewAt);
  }

  private static String describeError(JsonNode body) {
    String error = body.path("error").asText("");
    String description = body.path("error_description").asText("");
    if (error.isEmpty() && description.isEmpty()) {
      return "no error description";
    }
    // The description's first line names the AADSTS code and cause; the rest is trace ids.
    String firstLine = description.lines().findFirst().orElse("");
    return error + (firstLine.isEmpty() ? "" : ": " + firstLine);
  }

  private static JsonNode readJson(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String stripTrailingSlash(String text) {
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
