package io.stormwatch.cli.ingest;

import io.stormwatch.ingest.eventhub.BatchReport;
import io.stormwatch.ingest.o365.FeedReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What an ingestion did, as lines for a person watching it. */
final class IngestLines {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private IngestLines() {}

  /** One feed's poll, e.g. {@code 12:00:03Z <tenant> Audit.Exchange: 12 blobs, 3,400 records}. */
  static String feed(Instant at, FeedReport feed) {
    StringBuilder line =
        new StringBuilder(TIME.format(at))
            .append("Z ")
            .append(feed.tenant())
            .append(' ')
            .append(feed.contentType())
            .append(": ");
    List<String> done = new ArrayList<>();
    if (feed.blobs() > 0 || feed.deadLetters() > 0) {
      done.add(count(feed.blobs(), "blob") + ", " + count(feed.records(), "record"));
    }
    if (feed.deadLetters() > 0) {
      done.add(count(feed.deadLetters(), "dead letter"));
    }
    List<String> skipped = new ArrayList<>();
    if (feed.repeatedBlobs() > 0) {
      skipped.add(feed.repeatedBlobs() + " listed twice");
    }
    if (feed.expiredBlobs() > 0) {
      skipped.add(feed.expiredBlobs() + " expired");
    }
    if (feed.missingBlobs() > 0) {
      skipped.add(feed.missingBlobs() + " gone");
    }
    if (!skipped.isEmpty()) {
      done.add("blobs skipped: " + String.join(", ", skipped));
    }
    if (feed.throttled() > 0) {
      done.add("throttled " + count(feed.throttled(), "time"));
    }
    line.append(done.isEmpty() ? "nothing new" : String.join("; ", done));
    feed.warnings().forEach(w -> line.append("; WARNING: ").append(w));
    feed.failure().ifPresent(f -> line.append("; FAILED, retried at the next poll: ").append(f));
    return line.toString();
  }

  /** Event Hub batches since the last line, and the sign-ins since start. */
  static String batches(Instant at, BatchReport since, BatchReport total) {
    return batches(at, since) + " (since start: " + count(total.records(), "sign-in") + ")";
  }

  /**
   * Event Hub batches, e.g. {@code 12:00:30Z 1,200 events: 2,400 sign-ins, 0 dead letters, ...}.
   */
  static String batches(Instant at, BatchReport batches) {
    return TIME.format(at)
        + "Z "
        + count(batches.events(), "event")
        + ": "
        + count(batches.records(), "sign-in")
        + ", "
        + count(batches.deadLetters(), "dead letter")
        + ", "
        + count(batches.ignored(), "record")
        + " of other categories left out";
  }

  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }
}
