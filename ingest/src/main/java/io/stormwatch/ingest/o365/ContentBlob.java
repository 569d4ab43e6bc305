package io.stormwatch.ingest.o365;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;

/**
 * One content blob the API lists: an aggregation of records, fetched from its URI.
 *
 * @param contentId the opaque id that tells blobs apart
 * @param contentUri where the blob is fetched
 * @param created when the blob became available (what listing windows select on)
 * @param expiration after this the blob can no longer be fetched
 */
public record ContentBlob(String contentId, URI contentUri, Instant created, Instant expiration) {

  /** Creation order; blobs created in the same instant by id, so that the order is stable. */
  public static final Comparator<ContentBlob> BY_CREATION =
      Comparator.comparing(ContentBlob::created).thenComparing(ContentBlob::contentId);
}
