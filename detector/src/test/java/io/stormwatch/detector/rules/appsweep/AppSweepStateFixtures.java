package io.stormwatch.detector.rules.appsweep;

import io.stormwatch.detector.state.StateFixture;
import java.util.List;

/** An application's mailboxes in the current window, its usual peak and an open sweep. */
public final class AppSweepStateFixtures {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z

  private AppSweepStateFixtures() {}

  public static List<StateFixture<?>> fixtures() {
    return List.of(
        new StateFixture<>("app-mailbox-sweep", AppMailboxes.CODEC, AppSweepStateFixtures::app));
  }

  static AppMailboxes app() {
    AppMailboxes app = new AppMailboxes();
    app.window.put("adele.vance@contoso.com", T);
    app.window.put("megan.bowen@contoso.com", T + 60_000);
    app.peak = 2;
    app.candidate = 2;
    app.candidateSince = T - 3_600_000;
    app.openedAt = T;
    app.lastRead = T + 60_000;
    app.reads = 2;
    app.items = 14;
    app.revision = 1;
    app.reportedMailboxes = 2;
    app.mailboxes.add("adele.vance@contoso.com");
    app.mailboxes.add("megan.bowen@contoso.com");
    app.ips.add("188.166.1.20");
    app.asns.add(14061L);
    app.asOrganisations.add("DigitalOcean, LLC");
    app.countries.add("NL");
    app.tokenIds.add("uti-9");
    app.sample.add(T, "s1");
    app.sample.add(T + 60_000, "s2");
    return app;
  }
}
