package io.stormwatch.detector.rules.tokenreplay;

import io.stormwatch.detector.incident.IncidentRole;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The token-replay rule as the catalogue lists it. */
public final class TokenReplay {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("token-replay")
          .title("Access token replayed from another network")
          .version(2)
          .attackTechniques("T1550.001", "T1528")
          .severities(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL)
          .firesOn(
              "one token (uti, else session) used from two networks (ASNs) within 2 h, at least one"
                  + " of them foreign to the account and the tenant; two countries → HIGH; two"
                  + " countries closer in time than anyone travels → CRITICAL")
          .staysQuietOn(
              "a mobile user hopping IPs inside one carrier; Microsoft's own egress (AS8075,"
                  + " configurable); the account's own networks (learned from its interactive"
                  + " sign-ins) and the tenant's (a corporate VPN many accounts sign in from)")
          .triage(
              "Is the foreign network the user's (a trip, a new VPN, a new home connection)? The"
                  + " evidence lists the token's networks, countries and sessions. If not, revoke the"
                  + " account's sessions and refresh tokens and review what the token read (sample"
                  + " event ids).")
          .falsePositives(
              "A phone switching between carriers, or a personal VPN, before the network is the"
                  + " account's own (24 h of use, or an interactive sign-in from it); a split-tunnel"
                  + " corporate VPN whose exit the tenant's users do not sign in from. Add a"
                  + " provider's ASN to rule.token-replay.ignored.asns, or lower"
                  + " rule.token-replay.tenant.network.accounts when a small team shares the VPN.")
          .trapScenarios(
              "mobile-carrier-churn",
              "corporate-vpn-switch",
              "traveller-abroad",
              "outlook-mobile-microsoft-egress",
              "service-app-graph")
          .incidentRole(IncidentRole.TOKEN_MISUSE)
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Account(
          DESCRIPTOR,
          TokenReplaySettings.definition(),
          settings -> new TokenReplayRule(TokenReplaySettings.from(settings)));

  private TokenReplay() {}
}
