package io.stormwatch.ingest.o365;

import java.time.Instant;
import java.util.List;

/**
 * One poll of every tenant and content type.
 *
 * @param started when the poll started
 * @param feeds one report per tenant and content type polled
 */
public record PollReport(Instant started, List<FeedReport> feeds) {

  public PollReport {
    feeds = List.copyOf(feeds);
  }

  public long records() {
    return feeds.stream().mapToLong(FeedReport::records).sum();
  }

  public long blobs() {
    return feeds.stream().mapToLong(FeedReport::blobs).sum();
  }

  public long deadLetters() {
    return feeds.stream().mapToLong(FeedReport::deadLetters).sum();
  }

  public boolean anyFailed() {
    return feeds.stream().anyMatch(FeedReport::failed);
  }
}
