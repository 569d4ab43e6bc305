package io.stormwatch.detector.tenant;

import io.stormwatch.detector.rules.coverage.CoverageStateFixture;
import io.stormwatch.detector.state.StateFixture;
import java.util.List;

/** The tenant stage's stored state: a tenant's sign-in feed and history, counts and baselines. */
public final class TenantStateFixtures {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z
  private static final long HOUR = 3_600_000;

  private TenantStateFixtures() {}

  public static List<StateFixture<?>> fixtures() {
    return List.of(
        new StateFixture<>("tenant-entry", TenantEntry.CODEC, TenantStateFixtures::entry),
        new StateFixture<>("signin-history", SignInHistory.CODEC, TenantStateFixtures::history),
        new StateFixture<>("account-set", CappedAccountSet.CODEC, TenantStateFixtures::accounts),
        new StateFixture<>("peer-volume", PeerVolume.CODEC, TenantStateFixtures::peerVolume),
        new StateFixture<>("account-hour", AccountHour.CODEC, TenantStateFixtures::accountHour),
        new StateFixture<>("next-check", NextCheck.CODEC, () -> T + 60_000),
        new StateFixture<>("mail-domains", MailDomains.CODEC, TenantStateFixtures::mailDomains));
  }

  /**
   * A tenant whose sign-in feed has been silent for five hours of token use, with the coverage-gap
   * rule's open gap.
   */
  static TenantEntry entry() {
    TenantEntry entry = new TenantEntry();
    SignInFeed feed = entry.feed;
    feed.recordSilence(T - 30 * HOUR, T - 27 * HOUR);
    feed.recordSilence(T - 6 * HOUR, T - 3 * HOUR);
    feed.watermark = T + 5 * HOUR;
    feed.latestSignIn = T - 60_000;
    feed.firstUseWithoutSignIn = T;
    feed.latestTokenUse = T + 5 * HOUR;
    entry.ruleStates.put("signin-coverage-gap", CoverageStateFixture.encoded());
    return entry;
  }

  /** Three weeks of working days, and a remembered silence. */
  static SignInHistory history() {
    SignInHistory history = new SignInHistory();
    for (int day = 21; day >= 0; day--) {
      for (int hour = 8; hour < 17; hour += 2) {
        history.signIn(T - day * 24 * HOUR + (hour - 9) * HOUR);
      }
    }
    history.silence(T - 50 * HOUR, T - 46 * HOUR);
    return history;
  }

  static CappedAccountSet accounts() {
    CappedAccountSet accounts = CappedAccountSet.empty();
    accounts.add("alice@contoso.com");
    accounts.add("bob@contoso.com");
    accounts.add("zoë@contoso.com");
    return accounts;
  }

  static PeerVolume peerVolume() {
    PeerVolume volume = new PeerVolume();
    for (long items : new long[] {80, 120, 40, 95}) {
      volume.learn(items);
    }
    return volume;
  }

  static AccountHour accountHour() {
    AccountHour hour = new AccountHour();
    hour.hourStart = T;
    hour.items = 312;
    return hour;
  }

  static MailDomains mailDomains() {
    MailDomains domains = new MailDomains();
    domains.domains.add("contoso.com");
    domains.domains.add("eu.contoso.com");
    return domains;
  }
}
