package io.stormwatch.detector.rules.delegation;

import io.stormwatch.detector.rules.FirstSeen;
import io.stormwatch.detector.state.StateFixture;
import java.util.List;

/**
 * When the rule first saw a tenant, a mailbox's readers, a grantee's recent delegations and an open
 * delegate incident.
 */
public final class DelegationStateFixtures {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z
  private static final long DAY = 86_400_000L;

  private DelegationStateFixtures() {}

  public static List<StateFixture<?>> fixtures() {
    return List.of(
        new StateFixture<>("first-seen", FirstSeen.CODEC, () -> T - 20 * DAY),
        new StateFixture<>(
            "mailbox-delegate-access-readers",
            MailboxReaders.CODEC,
            DelegationStateFixtures::readers),
        new StateFixture<>(
            "mailbox-delegate-access-grants",
            DelegationGrants.CODEC,
            DelegationStateFixtures::grants),
        new StateFixture<>(
            "mailbox-delegate-access-incident",
            DelegateIncident.CODEC,
            DelegationStateFixtures::incident));
  }

  static MailboxReaders readers() {
    MailboxReaders readers = new MailboxReaders();
    readers.lastDay.put("adele.vance@contoso.com", T - DAY - T % DAY);
    readers.lastDay.put("eve@contoso.com", T - T % DAY);
    readers.reported.add("eve@contoso.com");
    return readers;
  }

  static DelegationGrants grants() {
    DelegationGrants grants = new DelegationGrants();
    grants.add(
        new DelegationGrants.Grant(
            "megan.bowen@contoso.com", "admin@contoso.com", T - 600_000, "FullAccess", "g1"),
        7 * DAY);
    grants.add(
        new DelegationGrants.Grant(null, "admin@contoso.com", T, "ApplicationImpersonation", "g2"),
        7 * DAY);
    return grants;
  }

  static DelegateIncident incident() {
    DelegateIncident incident = new DelegateIncident();
    incident.openedAt = T;
    incident.lastRead = T + 900_000;
    incident.reads = 4;
    incident.items = 37;
    incident.revision = 2;
    incident.newMailboxes = 1;
    incident.reportedItems = 12;
    incident.grantedMailboxes.add("megan.bowen@contoso.com");
    incident.mailboxes.add("megan.bowen@contoso.com");
    incident.grants.add("FullAccess by admin@contoso.com");
    incident.ips.add("188.166.1.20");
    incident.asns.add(14061L);
    incident.asOrganisations.add("DigitalOcean, LLC");
    incident.countries.add("NL");
    incident.appIds.add("00000002-0000-0ff1-ce00-000000000000");
    incident.tokenIds.add("uti-7");
    incident.sessionIds.add("session-7");
    incident.sample.add(T, "r1");
    incident.sample.add(T + 900_000, "r4");
    return incident;
  }
}
