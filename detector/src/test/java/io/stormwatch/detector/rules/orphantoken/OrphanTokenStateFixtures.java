package io.stormwatch.detector.rules.orphantoken;

import io.stormwatch.detector.rules.TokenUse;
import io.stormwatch.detector.state.StateFixture;
import java.util.List;

/** An open orphan-token incident, and a token use waiting for its check. */
public final class OrphanTokenStateFixtures {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z

  private OrphanTokenStateFixtures() {}

  public static List<StateFixture<?>> fixtures() {
    return List.of(
        new StateFixture<>(
            "orphan-token-incident", OrphanIncident.CODEC, OrphanTokenStateFixtures::incident),
        new StateFixture<>("token-use", TokenUse.CODEC, OrphanTokenStateFixtures::tokenUse));
  }

  static OrphanIncident incident() {
    OrphanIncident incident = new OrphanIncident();
    incident.openedAt = T;
    incident.firstUse = T;
    incident.lastUse = T + 1_200_000;
    incident.uses = 5;
    incident.reportedUses = 4;
    incident.revision = 2;
    incident.reportedNetworks = 1;
    incident.reportedApps = 1;
    incident.tokenIds.add("forged-1");
    incident.tokenIds.add("forged-2");
    incident.sessionIds.add("never-issued");
    incident.ips.add("188.166.1.20");
    incident.asns.add(14061L);
    incident.asOrganisations.add("DigitalOcean, LLC");
    incident.countries.add("NL");
    incident.appIds.add("b6a1d0f3-2c7e-4f59-8e14-9d3c5a7b1e62");
    incident.sample.add(T, "o1");
    incident.sample.add(T + 1_200_000, "o5");
    return incident;
  }

  static TokenUse tokenUse() {
    return new TokenUse(
        "evt-42",
        "7d0c5c1a-0000-4000-8000-00000000c0de",
        "zoë@contoso.com",
        T,
        "forged-1",
        null,
        "188.166.1.20",
        14061L,
        "DigitalOcean, LLC",
        "NL",
        "b6a1d0f3-2c7e-4f59-8e14-9d3c5a7b1e62");
  }
}
