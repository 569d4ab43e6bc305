package io.stormwatch.detector.rules.appconsent;

import io.stormwatch.detector.state.StateFixture;
import java.util.List;

/** A tenant's consented applications, and one application's incident after a grant and a read. */
public final class ConsentStateFixtures {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z
  private static final String APP = "0b7d2e91-63c4-4f0a-8e55-1a9c3d7b2e40";

  private ConsentStateFixtures() {}

  public static List<StateFixture<?>> fixtures() {
    return List.of(
        new StateFixture<>("mail-app-consent", ConsentedApps.CODEC, ConsentStateFixtures::apps),
        new StateFixture<>(
            "mail-app-consent-incident", ConsentIncident.CODEC, ConsentStateFixtures::incident));
  }

  static ConsentedApps apps() {
    ConsentedApps apps = new ConsentedApps();
    apps.lastGrant.put(APP, T);
    apps.lastGrant.put("9f1c4b2a-5d6e-4f70-8a91-b2c3d4e5f607", T - 86_400_000);
    return apps;
  }

  static ConsentIncident incident() {
    ConsentIncident incident = new ConsentIncident();
    incident.openedAt = T;
    incident.grantor = "megan.bowen@contoso.com";
    incident.lastGrant = T;
    incident.grants = 1;
    incident.firstRead = T + 120_000;
    incident.lastRead = T + 1_800_000;
    incident.reads = 3;
    incident.items = 21;
    incident.reportedItems = 9;
    incident.revision = 2;
    incident.grantors.add("megan.bowen@contoso.com");
    incident.permissions.add("Mail.Read");
    incident.permissions.add("offline_access");
    incident.mailboxes.add("megan.bowen@contoso.com");
    incident.ips.add("203.0.113.77");
    incident.ips.add("188.166.1.20");
    incident.asns.add(14061L);
    incident.asOrganisations.add("DigitalOcean, LLC");
    incident.countries.add("NL");
    incident.tokenIds.add("uti-1");
    incident.sessionIds.add("session-1");
    incident.sample.add(T, "grant-1");
    incident.sample.add(T + 120_000, "read-1");
    return incident;
  }
}
