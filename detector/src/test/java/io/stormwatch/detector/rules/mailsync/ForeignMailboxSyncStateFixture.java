package io.stormwatch.detector.rules.mailsync;

import io.stormwatch.detector.state.StateFixture;

/** A foreign-mailbox-sync state with known networks and an alerted stretch of syncs from a VPS. */
public final class ForeignMailboxSyncStateFixture {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z
  private static final int SLOTS = ForeignMailboxSyncRule.BUCKETS_PER_WINDOW + 1;
  private static final long BUCKET = 300_000;

  private ForeignMailboxSyncStateFixture() {}

  public static StateFixture<ForeignMailboxSyncState> fixture() {
    return new StateFixture<>(
        "foreign-mailbox-sync",
        ForeignMailboxSyncState.codec(SLOTS),
        ForeignMailboxSyncStateFixture::value);
  }

  static ForeignMailboxSyncState value() {
    ForeignMailboxSyncState s = new ForeignMailboxSyncState(SLOTS);
    s.latestEventTime = T + 1_500_000;
    s.ownNetworks.put(7922L, T - 86_400_000);
    s.ownNetworks.put(7018L, T - 3_600_000);
    for (int i = 0; i < 5; i++) {
      int slot = (int) Math.floorMod((T + i * BUCKET) / BUCKET, (long) SLOTS);
      s.bucketStarts[slot] = T + i * BUCKET;
      s.bucketFolders[slot] = 12L * (i + 1);
    }
    s.stretchStart = T + 60_000;
    s.lastForeignSync = T + 1_500_000;
    s.firstEvent = T + 60_000;
    s.lastEvent = T + 1_490_000;
    s.events = 180;
    s.folders = 180;
    s.revision = 2;
    s.reportedFolders = 100;
    s.reportedNetworks = 1;
    s.ips.add("188.166.1.20");
    s.asns.add(14061L);
    s.asOrganisations.add("DigitalOcean, LLC");
    s.countries.add("NL");
    s.appIds.add("d3590ed6-52b3-4102-aeff-aad2292ab01c");
    s.tokenIds.add("stolen-refresh-uti");
    s.sessionIds.add("sessión-ü");
    s.sample.add(T + 60_000, "s1");
    s.sample.add(T + 1_490_000, "s180");
    return s;
  }
}
