package io.stormwatch.ingest.o365;

import io.stormwatch.ingest.auth.AuthenticationException;
import io.stormwatch.ingest.checkpoint.CheckpointTopic;
import io.stormwatch.ingest.http.IngestStoppedException;
import io.stormwatch.ingest.http.StopSignal;
import io.stormwatch.ingest.sink.IngestTopics;
import io.stormwatch.ingest.sink.Provenance;
import io.stormwatch.ingest.sink.SplitRecord;
import io.stormwatch.ingest.sink.SplitRecord.Accepted;
import io.stormwatch.ingest.sink.SplitRecord.Rejected;
import io.stormwatch.ingest.sink.TransactionalSink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the Management Activity API for every configured tenant and content type into the UAL raw
 * topic, exactly once.
 *
 * <p>Per feed (tenant and content type) a poll lists the content created since the feed's {@link
 * ContentCursor} (less the relist overlap) in windows of at most 24 hours, and fetches the blobs in
 * creation order. Each blob's records and the feed's advanced cursor are committed in one
 * transaction, so a crash between or inside blobs neither loses nor repeats a record: on restart
 * the cursors are read back (committed only) and the feed resumes after the last committed blob.
 * Blobs listed twice (on two pages, or again in the overlap) are taken once; expired ones are
 * skipped and counted. A feed that fails (refused token, API error, retries spent) is reported and
 * tried again at the next poll; the others go on.
 *
 * <p>One thread polls; {@link #stop()} may be called from any thread.
 */
public final class O365Ingestor implements AutoCloseable {

  /** Checkpoint keys are {@code o365/<tenant>/<content type>}. */
  public static final String CHECKPOINT_PREFIX = "o365/";

  /** The longest listing window the API answers completely. */
  static final Duration MAX_WINDOW = Duration.ofHours(24);

  /**
   * A listing starts this much inside the API's seven days, so that it is not refused in transit.
   */
  static final Duration RETENTION_MARGIN = Duration.ofMinutes(5);

  /** The API's error code for a content type without an enabled subscription. */
  static final String NO_SUBSCRIPTION = "AF20022";

  private static final Logger log = LoggerFactory.getLogger(O365Ingestor.class);

  private final O365Settings settings;
  private final ManagementActivityApi api;
  private final TransactionalSink sink;
  private final CheckpointTopic checkpoints;
  private final Clock clock;
  private final StopSignal stop;
  private final Map<String, ContentCursor> cursors = new HashMap<>();
  private final Set<String> subscribed = new HashSet<>();

  public O365Ingestor(
      O365Settings settings,
      ManagementActivityApi api,
      TransactionalSink sink,
      CheckpointTopic checkpoints,
      Clock clock,
      StopSignal stop) {
    this.settings = settings;
    this.api = api;
    this.sink = sink;
    this.checkpoints = checkpoints;
    this.clock = clock;
    this.stop = stop;
  }

  /**
   * An ingestor talking to the API and cluster the arguments name.
   *
   * @param cluster client settings of Stormwatch's cluster
   * @param transactionalId names this ingestion; one running copy per id
   * @param checkpointTimeout how long reading the checkpoints at start may take
   */
  public static O365Ingestor connect(
      O365Settings settings,
      Map<String, Object> cluster,
      IngestTopics topics,
      String transactionalId,
      Duration checkpointTimeout,
      Clock clock,
      StopSignal stop) {
    return new O365Ingestor(
        settings,
        ManagementActivityApi.connect(settings, clock, stop),
        TransactionalSink.connect(cluster, transactionalId, topics),
        new CheckpointTopic(cluster, topics.checkpoints(), checkpointTimeout),
        clock,
        stop);
  }

  /**
   * Takes over the ingestion: fences an older copy (aborting what it left open), then reads every
   * feed's committed cursor.
   *
   * @return the number of feeds that resume from a checkpoint
   */
  public int start() {
    sink.initTransactions();
    checkpoints
        .readAll(CHECKPOINT_PREFIX)
        .forEach((key, value) -> cursors.put(key, ContentCursor.fromJson(value)));
    return (int)
        settings.tenants().stream()
            .flatMap(t -> settings.contentTypes().stream().map(c -> checkpointKey(t, c)))
            .filter(cursors::containsKey)
            .count();
  }

  /**
   * Polls every feed once, up to now.
   *
   * @throws KafkaException if the sink cannot go on (fenced by a newer copy of this ingestion)
   */
  public PollReport pollOnce() throws InterruptedException {
    Instant started = clock.instant();
    List<FeedReport> feeds = new ArrayList<>();
    for (String tenant : settings.tenants()) {
      for (String contentType : settings.contentTypes()) {
        if (stop.isStopped()) {
          return new PollReport(started, feeds);
        }
        feeds.add(pollFeed(tenant, contentType));
      }
    }
    return new PollReport(started, feeds);
  }

  /**
   * Polls every poll interval until {@link #stop()}; hands each poll's report to {@code onPoll}.
   */
  public void run(Consumer<PollReport> onPoll) throws InterruptedException {
    while (!stop.isStopped()) {
      onPoll.accept(pollOnce());
      if (!stop.waitFor(settings.pollInterval())) {
        return;
      }
    }
  }

  /** Asks the polling thread to stop after the blob it is writing. */
  public void stop() {
    stop.stop();
  }

  @Override
  public void close() {
    sink.close();
  }

  /** The key of a feed's checkpoint. */
  public static String checkpointKey(String tenant, String contentType) {
    return CHECKPOINT_PREFIX + tenant + "/" + contentType;
  }

  private FeedReport pollFeed(String tenant, String contentType) throws InterruptedException {
    FeedTally tally = new FeedTally(tenant, contentType, api.throttledResponses());
    try {
      ensureSubscribed(tenant, contentType);
      readFeed(tenant, contentType, tally);
    } catch (ManagementApiException e) {
      if (NO_SUBSCRIPTION.equals(e.code())) {
        // stopped since this process started it: start it again at the next poll
        subscribed.remove(checkpointKey(tenant, contentType));
      }
      tally.failure = Optional.of(e.getMessage());
      log.warn("Polling {} of tenant {} failed: {}", contentType, tenant, e.getMessage());
    } catch (AuthenticationException | IOException e) {
      tally.failure = Optional.of(e.getMessage());
      log.warn("Polling {} of tenant {} failed: {}", contentType, tenant, e.getMessage());
    } catch (IngestStoppedException e) {
      // asked to stop while waiting out a throttle; what was committed stays committed
    } catch (KafkaException e) {
      if (TransactionalSink.isFatal(e)) {
        throw e;
      }
      tally.failure = Optional.of("writing to Kafka failed: " + e.getMessage());
      log.warn("Writing {} of tenant {} to Kafka failed", contentType, tenant, e);
    }
    return tally.report(api.throttledResponses());
  }

  private void ensureSubscribed(String tenant, String contentType)
      throws IOException, InterruptedException, AuthenticationException, ManagementApiException {
    String key = checkpointKey(tenant, contentType);
    if (subscribed.add(key)) {
      try {
        api.startSubscription(tenant, contentType);
      } catch (IOException
          | AuthenticationException
          | ManagementApiException
          | RuntimeException e) {
        subscribed.remove(key);
        throw e;
      }
    }
  }

  private void readFeed(String tenant, String contentType, FeedTally tally)
      throws IOException, InterruptedException, AuthenticationException, ManagementApiException {
    String key = checkpointKey(tenant, contentType);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant oldestListable = now.minus(O365Settings.FEED_RETENTION).plus(RETENTION_MARGIN);
    ContentCursor cursor =
        cursors.computeIfAbsent(
            key, k -> ContentCursor.startingAt(now.minus(settings.startLookback())));
    Instant from = cursor.relistFrom(settings.relistOverlap());
    if (from.isBefore(oldestListable)) {
      if (cursor.position().isBefore(oldestListable)) {
        tally.warnings.add(
            "content created between "
                + cursor.position()
                + " and "
                + oldestListable
                + " can no longer be listed (the API keeps 7 days) and was not read");
      }
      from = oldestListable;
    }
    while (from.isBefore(now)) {
      Instant to = min(from.plus(MAX_WINDOW), now);
      ContentListing listing = api.listContent(tenant, contentType, from, to);
      tally.repeatedBlobs += listing.repeated();
      for (ContentBlob blob : listing.blobs()) {
        if (stop.isStopped()) {
          return;
        }
        cursor = take(tenant, contentType, blob, cursor, tally);
      }
      ContentCursor listed = cursor.listedUntil(to, settings.relistOverlap());
      if (!listed.equals(cursor)) {
        commit(key, listed, List.of(), null);
        cursor = listed;
      }
      from = to;
    }
  }

  /** Takes one listed blob; returns the cursor after it. */
  private ContentCursor take(
      String tenant, String contentType, ContentBlob blob, ContentCursor cursor, FeedTally tally)
      throws IOException, InterruptedException, AuthenticationException, ManagementApiException {
    String key = checkpointKey(tenant, contentType);
    if (cursor.hasTaken(blob.contentId())) {
      tally.alreadyTakenBlobs++;
      return cursor;
    }
    ContentCursor after = cursor.taken(blob, settings.relistOverlap());
    if (!blob.expiration().isAfter(clock.instant())) {
      tally.expiredBlobs++;
      log.warn(
          "Skipping content {} of tenant {}: expired at {}",
          blob.contentId(),
          tenant,
          blob.expiration());
      cursors.put(key, after);
      return after;
    }
    byte[] body;
    try {
      body = api.fetchContent(tenant, blob);
    } catch (ContentUnavailableException e) {
      if (e.expired()) {
        tally.expiredBlobs++;
      } else {
        tally.missingBlobs++;
      }
      log.warn("Skipping content {} of tenant {}: {}", blob.contentId(), tenant, e.getMessage());
      cursors.put(key, after);
      return after;
    }
    List<SplitRecord> records = BlobRecords.split(tenant, body);
    commit(key, after, records, new BlobOrigin(tenant, contentType, blob));
    tally.blobs++;
    for (SplitRecord record : records) {
      if (record instanceof Accepted) {
        tally.records++;
      } else {
        tally.deadLetters++;
      }
    }
    return after;
  }

  /** Where a blob's dead letters came from. */
  private record BlobOrigin(String tenant, String contentType, ContentBlob blob) {
    Provenance of(int index) {
      return new Provenance(
          "o365:" + tenant + "/" + contentType + "/" + blob.contentId(), -1, index);
    }
  }

  /** Commits a blob's records (none for a cursor-only move) with the feed's new cursor. */
  private void commit(
      String key, ContentCursor cursor, List<SplitRecord> records, BlobOrigin origin) {
    sink.inTransaction(
        () -> {
          for (int i = 0; i < records.size(); i++) {
            SplitRecord record = records.get(i);
            if (record instanceof Accepted accepted) {
              sink.raw(accepted);
            } else if (record instanceof Rejected rejected) {
              sink.deadLetter(
                  origin.tenant().toLowerCase(Locale.ROOT),
                  origin.blob().created().toEpochMilli(),
                  rejected,
                  origin.of(i));
            }
          }
          sink.checkpoint(key, cursor.toJson());
        });
    cursors.put(key, cursor);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Counts of one feed's poll while it runs. */
  private static final class FeedTally {
    private final String tenant;
    private final String contentType;
    private final long throttledBefore;
    private long blobs;
    private long records;
    private long deadLetters;
    private long repeatedBlobs;
    private long alreadyTakenBlobs;
    private long expiredBlobs;
    private long missingBlobs;
    private final List<String> warnings = new ArrayList<>();
    private Optional<String> failure = Optional.empty();

    FeedTally(String tenant, String contentType, long throttledBefore) {
      this.tenant = tenant;
      this.contentType = contentType;
      this.throttledBefore = throttledBefore;
    }

    FeedReport report(long throttledNow) {
      return new FeedReport(
          tenant,
          contentType,
          blobs,
          records,
          deadLetters,
          repeatedBlobs,
          alreadyTakenBlobs,
          expiredBlobs,
          missingBlobs,
          throttledNow - throttledBefore,
          warnings,
          failure);
    }
  }
}
