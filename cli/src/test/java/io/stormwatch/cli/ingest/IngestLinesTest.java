package io.stormwatch.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.ingest.eventhub.BatchReport;
import io.stormwatch.ingest.o365.FeedReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestLinesTest {

  private static final Instant AT = Instant.parse("2026-03-03T12:05:03Z");
  private static final String TENANT = "41463f53-8812-40f4-890f-865bf6e35190";

  @Test
  void saysWhatAFeedsPollTookSkippedAndWaitedFor() {
    FeedReport busy =
        new FeedReport(
            TENANT, "Audit.Exchange", 12, 3400, 1, 2, 40, 1, 0, 2, List.of(), Optional.empty());

    assertThat(IngestLines.feed(AT, busy))
        .isEqualTo(
            "12:05:03Z "
                + TENANT
                + " Audit.Exchange: 12 blobs, 3,400 records; 1 dead letter;"
                + " blobs skipped: 2 listed twice, 1 expired; throttled 2 times");
  }

  @Test
  void saysWhenNothingCameAndWhyAPollFailed() {
    FeedReport quiet =
        new FeedReport(
            TENANT, "Audit.General", 0, 0, 0, 0, 5, 0, 0, 0, List.of(), Optional.empty());
    FeedReport refused =
        new FeedReport(
            TENANT,
            "DLP.All",
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            List.of("content created between a and b can no longer be listed"),
            Optional.of("HTTP 403 AF10001: no ActivityFeed.ReadDlp"));

    assertThat(IngestLines.feed(AT, quiet)).endsWith("Audit.General: nothing new");
    assertThat(IngestLines.feed(AT, refused))
        .endsWith(
            "DLP.All: nothing new; WARNING: content created between a and b can no longer be"
                + " listed; FAILED, retried at the next poll: HTTP 403 AF10001: no ActivityFeed.ReadDlp");
  }

  @Test
  void countsEventHubBatches() {
    assertThat(IngestLines.batches(AT, new BatchReport(1200, 2400, 1, 600)))
        .isEqualTo(
            "12:05:03Z 1,200 events: 2,400 sign-ins, 1 dead letter, 600 records of other categories left out");
  }
}
