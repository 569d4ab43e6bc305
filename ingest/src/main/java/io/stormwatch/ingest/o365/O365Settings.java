package io.stormwatch.ingest.o365;

import io.stormwatch.ingest.auth.ClientCredential;
import io.stormwatch.ingest.http.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code ingest o365} polls and how.
 *
 * @param tenants the tenants' ids (GUIDs), each consented to the application
 * @param contentTypes the content types to subscribe to and poll
 * @param clientId the application (client) id
 * @param credential the application's secret or certificate
 * @param apiRoot where the Management Activity API is ({@link MicrosoftCloud#apiRoot()})
 * @param loginAuthority where tokens are requested ({@link MicrosoftCloud#loginAuthority()})
 * @param resource what tokens are requested for (the cloud's API root)
 * @param publisherId the {@code PublisherIdentifier} sent with every request, if any
 * @param pollInterval the pause between two polls of every feed
 * @param startLookback how far back a feed without a checkpoint starts (at most 7 days)
 * @param relistOverlap how far before its position a feed is listed again, for content that becomes
 *     listable late; content seen there is recognised by its id and skipped
 * @param retry how throttled and failed requests are repeated
 * @param requestTimeout the longest one request may take
 */
public record O365Settings(
    List<String> tenants,
    List<String> contentTypes,
    String clientId,
    ClientCredential credential,
    URI apiRoot,
    URI loginAuthority,
    String resource,
    Optional<String> publisherId,
    Duration pollInterval,
    Duration startLookback,
    Duration relistOverlap,
    RetryPolicy retry,
    Duration requestTimeout) {

  /** The API keeps content for seven days; a listing may not start earlier. */
  public static final Duration FEED_RETENTION = Duration.ofDays(7);

  public O365Settings {
    tenants = List.copyOf(tenants);
    contentTypes = List.copyOf(contentTypes);
    if (tenants.isEmpty()) {
      throw new IllegalArgumentException("no tenant to poll");
    }
    if (contentTypes.isEmpty() || !ContentTypes.ALL.containsAll(contentTypes)) {
      throw new IllegalArgumentException(
          "content types must be among " + ContentTypes.ALL + ", got " + contentTypes);
    }
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(apiRoot, "apiRoot");
    Objects.requireNonNull(loginAuthority, "loginAuthority");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(publisherId, "publisherId");
    Objects.requireNonNull(retry, "retry");
    if (startLookback.isNegative() || startLookback.compareTo(FEED_RETENTION) > 0) {
      throw new IllegalArgumentException("startLookback must be between 0 and 7 days");
    }
    if (relistOverlap.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException(
          "pollInterval must be positive, relistOverlap not negative");
    }
  }
}
