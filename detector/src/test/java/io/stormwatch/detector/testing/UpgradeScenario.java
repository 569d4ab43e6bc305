package io.stormwatch.detector.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ten hours of two tenants' raw records in which every rule has an incident that goes on across
 * {@link #SPLIT}: state written before it decides the alerts after it. One tenant signs in as
 * usual; there a token is replayed (alice), forged tokens read a mailbox (bob) and a mailbox is
 * read in bulk (carol). The other sends mailbox records but never a sign-in: a coverage gap. At the
 * split, token checks are pending and the coverage gap is open.
 *
 * <p>Kept identical to the copy that wrote {@code state/stores-83df6af.txt} with Stormwatch
 * 83df6af: changing it means writing that file again with that release.
 */
public final class UpgradeScenario {

  /** A raw record: on the sign-in topic or the UAL topic, keyed by its tenant. */
  public record RawRecord(Instant time, boolean signIn, String tenant, byte[] value) {
    public byte[] key() {
      return tenant.getBytes(StandardCharsets.UTF_8);
    }
  }

  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  public static final Instant SPLIT = T0.plus(Duration.ofHours(5));
  public static final Instant END = T0.plus(Duration.ofHours(10));

  public static final String SIGNING_TENANT = Events.TENANT;
  public static final String SILENT_TENANT = "5e1e27a0-0000-4000-8000-0000000051e7";

  private static final String HOME = "73.22.10.5";
  private static final String VPS_NL = "188.166.1.20";
  private static final String VPS_US = "159.203.4.9";
  private static final String OFFICE = "12.0.1.9";
  private static final List<String> USERS =
      List.of("alice@contoso.com", "bob@contoso.com", "carol@contoso.com", "dan@contoso.com");

  private UpgradeScenario() {}

  /** Every record, in event-time order. */
  public static List<RawRecord> records() {
    List<RawRecord> records = new ArrayList<>();
    // The signing tenant: every user signs in every 30 minutes and reads with the new token.
    for (Instant t = T0; t.isBefore(END); t = t.plus(Duration.ofMinutes(30))) {
      for (int u = 0; u < USERS.size(); u++) {
        String user = USERS.get(u);
        Instant at = t.plusSeconds(60L * u);
        String uti = "s-" + u + "-" + at.getEpochSecond();
        records.add(signIn(user, at, uti));
        records.add(read(SIGNING_TENANT, user, at.plusSeconds(30), HOME, uti, 20));
      }
    }
    // Alice's token of 13:30 replayed from a VPS abroad, then from another network after the split.
    String aliceToken = "s-0-" + T0.plus(Duration.ofMinutes(270)).getEpochSecond();
    records.add(read(SIGNING_TENANT, USERS.get(0), at(280), VPS_NL, aliceToken, 5));
    records.add(read(SIGNING_TENANT, USERS.get(0), at(310), OFFICE, aliceToken, 5));
    // Forged tokens, in a session no sign-in opened, read Bob's mailbox: one judged before the
    // split, one pending at it, one after it.
    records.add(forged(at(60), "forged-0"));
    records.add(forged(at(260), "forged-1"));
    records.add(forged(at(360), "forged-2"));
    // Carol reads in bulk from 13:40 to 14:20.
    String carolToken = "s-2-" + T0.plus(Duration.ofMinutes(270)).plusSeconds(120).getEpochSecond();
    for (int minute = 280; minute <= 320; minute += 2) {
      records.add(read(SIGNING_TENANT, USERS.get(2), at(minute), HOME, carolToken, 200));
    }
    // The silent tenant: one user reading every five minutes, a new token each hour.
    for (int minute = 0; minute < 600; minute += 5) {
      records.add(
          read(
              SILENT_TENANT,
              "erin@fabrikam.example",
              at(minute).plusSeconds(17),
              HOME,
              "x-" + minute / 60,
              10));
    }
    records.sort(Comparator.comparing(RawRecord::time));
    return records;
  }

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static RawRecord signIn(String user, Instant at, String uti) {
    return new RawRecord(
        at,
        true,
        SIGNING_TENANT,
        RawRecords.signIn(
            "si-" + user + "-" + at.getEpochSecond(),
            SIGNING_TENANT,
            user,
            at,
            HOME,
            7922,
            "US",
            uti));
  }

  private static RawRecord read(
      String tenant, String user, Instant at, String ip, String uti, int items) {
    return new RawRecord(
        at,
        false,
        tenant,
        RawRecords.mailItemsAccessed(
            "mia-" + user + "-" + at.getEpochSecond() + "-" + ip,
            tenant,
            user,
            at,
            ip,
            uti,
            items));
  }

  private static RawRecord forged(Instant at, String uti) {
    return new RawRecord(
        at,
        false,
        SIGNING_TENANT,
        RawRecords.mailItemsAccessed(
            "mia-forged-" + at.getEpochSecond(),
            SIGNING_TENANT,
            USERS.get(1),
            at,
            VPS_US,
            uti,
            "forged-session",
            10));
  }
}
