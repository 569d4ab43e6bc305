package io.stormwatch.detector.rules.mailburst;

import io.stormwatch.detector.state.StateFixture;

/** A mail-burst state with a learned baseline and an open, throttled incident. */
public final class MailBurstStateFixture {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z
  private static final int SLOTS = MailBurstRule.BUCKETS_PER_WINDOW + 1;
  private static final long BUCKET = 300_000;

  private MailBurstStateFixture() {}

  public static StateFixture<MailBurstState> fixture() {
    return new StateFixture<>(
        "mail-burst", MailBurstState.codec(SLOTS), MailBurstStateFixture::value);
  }

  static MailBurstState value() {
    MailBurstState s = new MailBurstState(SLOTS);
    s.latestEventTime = T + 1_500_000;
    for (int i = 0; i < 6; i++) {
      int slot = (int) Math.floorMod((T + i * BUCKET) / BUCKET, (long) SLOTS);
      s.bucketStarts[slot] = T + i * BUCKET;
      s.bucketItems[slot] = 40L * (i + 1);
    }
    s.hourStart = T;
    s.hourItems = 840;
    s.hourTouchedByIncident = true;
    s.baseline = 123.4;
    s.baselineHours = 5;
    s.incidentStart = T + 900_000;
    s.revision = 2;
    s.throttledReported = true;
    s.throttled = true;
    s.throttledAt = T + 1_500_000;
    s.reportedItems = 700;
    s.lastCrossing = T + 1_500_000;
    s.incidentFirstEvent = T + 900_000;
    s.incidentLastEvent = T + 1_500_000;
    s.incidentEvents = 4;
    s.ips.add("188.166.1.20");
    s.asns.add(14061L);
    s.asOrganisations.add("DigitalOcean, LLC");
    s.countries.add("NL");
    s.appIds.add("b6a1d0f3-2c7e-4f59-8e14-9d3c5a7b1e62");
    s.tokenIds.add("forged-uti");
    s.sessionIds.add("sessión-ü");
    s.recentEvents.add(T + 900_000, "m1");
    s.recentEvents.add(T + 1_500_000, "m2");
    return s;
  }
}
