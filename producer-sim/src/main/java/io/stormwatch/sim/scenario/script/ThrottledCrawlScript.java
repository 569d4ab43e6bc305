package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.event.Accessor;
import io.stormwatch.sim.event.MailboxAccess;
import io.stormwatch.sim.event.MailboxIdentity;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.scenario.stage.Costumes;
import io.stormwatch.sim.scenario.stream.Silence;
import io.stormwatch.sim.world.ReadingBand;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A slow crawl from the victim's own laptop (malware in the victim's Outlook session: same session,
 * tokens, client and address) that walks the mailbox folder by folder, one or two items per
 * request. Exchange aggregates the binds of two minutes into one record per folder, so each request
 * is a record of its own. The crawl stays well under any volume threshold (the victim, an assistant
 * who reads 180–240 items an hour, plus at most some 150 crawled items an hour), but the mailbox
 * passes 1,000 MailItemsAccessed records within 24 hours: Exchange then marks the record {@code
 * IsThrottled=True} and audits no more binds of that mailbox for 24 hours (syncs are not
 * throttled). Only the throttling flag gives the crawl away. Source: Microsoft Learn, "Use
 * MailItemsAccessed to investigate compromised accounts" (throttling).
 */
final class ThrottledCrawlScript implements ScenarioScript {

  /** Exchange throttles a mailbox whose MailItemsAccessed records pass this many in 24 hours. */
  static final int THROTTLE_RECORDS = 1000;

  private User victim;

  @Override
  public ScenarioType type() {
    return ScenarioType.MASS_READ_THROTTLED;
  }

  @Override
  public int actorCount() {
    return 1;
  }

  @Override
  public void cast(CastingCall call) {
    victim =
        call.cast(
            Roles.outlookDesktopWorker("an assistant whose mailbox is crawled until throttled")
                .wearing(
                    u -> Costumes.withReading(u, ReadingBand.HEAVY, Roles.rateFor(u, 180, 240))));
  }

  @Override
  public Scene perform(Performance p) {
    var rng = p.rng();
    ActivePeriod period = p.workPeriod(victim);
    Instant crawlStart = period.start().plus(Duration.ofMinutes(20 + rng.nextInt(21)));
    Instant target = period.end().minus(Duration.ofMinutes(30 + rng.nextInt(31)));

    // The owner's own records that count towards the 24-hour limit.
    List<Instant> owner = new ArrayList<>();
    for (SimEvent event : p.dayActivity(victim)) {
      if (event instanceof MailboxAccess) {
        owner.add(event.time());
      }
    }
    for (SimEvent event : p.historyOf(victim)) {
      if (event.topic() == io.stormwatch.sim.RawTopic.UAL) {
        owner.add(event.time());
      }
    }
    long ownerInWindow =
        owner.stream()
            .filter(t -> t.isAfter(target.minus(Duration.ofDays(1))) && !t.isAfter(target))
            .count();
    long needed = THROTTLE_RECORDS + 1 - ownerInWindow;
    long seconds = Duration.between(crawlStart, target).toSeconds();
    if (needed < 1 || seconds / needed < 15) {
      throw new IllegalStateException(
          victim
              + " cannot be crawled to the throttle: "
              + needed
              + " records in "
              + seconds
              + " s");
    }
    double interval = (double) seconds / needed;

    // Crawl records until the mailbox's count in the last 24 hours passes the limit.
    List<String> folders = FolderTree.of(victim.seed(), 260);
    MailboxIdentity mailbox = MailboxIdentity.of(victim);
    List<Instant> counted = new ArrayList<>(owner);
    counted.sort(Comparator.naturalOrder());
    Scene scene = new Scene().account(victim.upn());
    ItemsPerHour hourly = new ItemsPerHour();
    double clock = crawlStart.getEpochSecond();
    int crawled = 0;
    int items = 0;
    Instant throttledAt = null;
    while (throttledAt == null) {
      clock += interval * (0.7 + 0.6 * rng.nextDouble());
      Instant at = Instant.ofEpochSecond((long) clock);
      if (!at.isBefore(period.end())) {
        throw new IllegalStateException(victim + "'s crawl did not reach the throttle");
      }
      long inWindow = countIn(counted, at.minus(Duration.ofDays(1)), at) + 1;
      boolean throttled = inWindow > THROTTLE_RECORDS;
      int count = rng.nextDouble() < 0.3 ? 2 : 1;
      TokenGrant token = period.grantAt(at);
      MailboxAccess record =
          MailboxAccess.at(at, Id128.randomGuid(rng), victim.tenant())
              .by(Accessor.of(victim))
              .of(mailbox)
              .bind(count, List.of(folders.get(crawled % folders.size())))
              .client(victim.client().app().appId(), victim.client().clientInfoString())
              .from(period.homeIp())
              .token(period.sessionId(), token.uti(), token.issuedAt())
              .throttled(throttled)
              .contentSeed(rng.nextLong())
              .build();
      scene.add(record);
      hourly.add(record);
      insert(counted, at);
      crawled++;
      items += count;
      if (throttled) {
        throttledAt = at;
      }
    }
    // Exchange stops auditing the mailbox's binds for a day: the owner's are not recorded either.
    for (SimEvent event : p.dayActivity(victim)) {
      if (!(event.time().isAfter(throttledAt)
          && event instanceof MailboxAccess mail
          && mail.accessType() == io.stormwatch.sim.event.MailAccessType.BIND)) {
        hourly.add(event);
      }
    }
    scene.silence(
        new Silence(
            victim.upn(),
            throttledAt.plusSeconds(1),
            throttledAt.plus(Duration.ofDays(1)),
            Silence.Scope.BINDS));
    return scene
        .parameter("crawlRecords", crawled)
        .parameter("crawlFolders", folders.size())
        .parameter("crawlItems", items)
        .parameter(
            "recordsIn24hAtThrottle",
            countIn(counted, throttledAt.minus(Duration.ofDays(1)), throttledAt))
        .parameter("throttledAt", throttledAt)
        .parameter("usualItemsPerHour", victim.itemsPerHour())
        .parameter("maxItemsInAnHour", hourly.max())
        .summary(
            String.format(
                "a crawl in %s's own session made %d one-folder requests over %d folders (%d items,"
                    + " at most %d items an hour with the owner's reads) until Exchange throttled the"
                    + " mailbox's auditing at %s",
                victim.upn(), crawled, folders.size(), items, hourly.max(), throttledAt));
  }

  private static long countIn(
      List<Instant> sorted, Instant afterExclusive, Instant untilInclusive) {
    return sorted.stream()
        .filter(t -> t.isAfter(afterExclusive) && !t.isAfter(untilInclusive))
        .count();
  }

  private static void insert(List<Instant> sorted, Instant at) {
    int index = 0;
    while (index < sorted.size() && !sorted.get(index).isAfter(at)) {
      index++;
    }
    sorted.add(index, at);
  }
}
