package io.stormwatch.ingest.o365;

import java.util.List;
import java.util.Optional;

/**
 * What one poll of one tenant's content type did.
 *
 * @param tenant the tenant
 * @param contentType the content type
 * @param blobs blobs fetched and committed
 * @param records records committed to the raw topic
 * @param deadLetters records (or whole blobs) committed to the dead-letter topic
 * @param repeatedBlobs blobs the listing named more than once (on two pages), taken once
 * @param alreadyTakenBlobs blobs listed again that an earlier poll had taken: expected within the
 *     relist overlap, skipped
 * @param expiredBlobs listed blobs skipped because they had expired before they could be fetched
 * @param missingBlobs listed blobs the API no longer had when fetched
 * @param throttled responses with status 429 (each waited for and retried)
 * @param warnings things a person should know, e.g. content lost to the API's seven days
 * @param failure why the poll stopped early, if it did; the next poll resumes from the checkpoint
 */
public record FeedReport(
    String tenant,
    String contentType,
    long blobs,
    long records,
    long deadLetters,
    long repeatedBlobs,
    long alreadyTakenBlobs,
    long expiredBlobs,
    long missingBlobs,
    long throttled,
    List<String> warnings,
    Optional<String> failure) {

  public FeedReport {
    warnings = List.copyOf(warnings);
  }

  public boolean failed() {
    return failure.isPresent();
  }
}
