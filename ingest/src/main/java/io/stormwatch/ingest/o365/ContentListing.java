package io.stormwatch.ingest.o365;

import java.util.List;

/**
 * The blobs listed for one window, every page read.
 *
 * @param blobs each listed blob once, in creation order
 * @param pages the pages read
 * @param repeated listings of a blob already listed on an earlier page, dropped
 */
public record ContentListing(List<ContentBlob> blobs, int pages, int repeated) {
  public ContentListing {
    blobs = blobs.stream().sorted(ContentBlob.BY_CREATION).toList();
  }
}
