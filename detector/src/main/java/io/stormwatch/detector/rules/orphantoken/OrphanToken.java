package io.stormwatch.detector.rules.orphantoken;

import io.stormwatch.detector.incident.IncidentRole;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The orphan-token rule as the catalogue lists it. */
public final class OrphanToken {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("orphan-token")
          .title("Mailbox accessed with a token no sign-in issued (possibly forged)")
          .version(1)
          .attackTechniques("T1606", "T1550.001")
          .severities(Severity.HIGH)
          .firesOn(
              "a token or session presented to Exchange (MailItemsAccessed, OWAAuth) that no"
                  + " sign-in of the tenant issued within 24 h; checked 90 min later in the tenant's"
                  + " event time, once its sign-in feed has passed the use (a sign-in later than the"
                  + " use has arrived), at night as by day. Sign-in feed health is judged by the"
                  + " feed's progress and its rhythm, not by how long it has been quiet: no verdict"
                  + " only when, in the 2 h before the use, the feed had been silent for 2 h at hours"
                  + " at which the tenant was silent on fewer than one in five comparable days"
                  + " (weekdays, or weekend days) of the last four weeks; until four such days are"
                  + " known, 2 h of token use without a sign-in counts as an outage")
          .staysQuietOn(
              "sign-in logs that arrive late (they cancel the check); tokens refreshed silently"
                  + " within a known session; tokens issued by non-interactive or service-principal"
                  + " sign-ins (app-only access); tokens issued while the sign-in feed failed at the"
                  + " tenant's usual hours; mail access that names neither token nor session, as"
                  + " Microsoft writes some aggregated and background records: unknown, not"
                  + " orphaned, and counted in the metric unjudgeable-token-uses-total")
          .triage(
              "Check the app id and the network against the tenant's known clients: a token forged"
                  + " with a stolen signing key (Storm-0558) never passed through Entra ID. Revoke"
                  + " the account's sessions, review the mailbox's MailItemsAccessed records in the"
                  + " alert's span, and make sure the tenant's sign-in export was complete for the"
                  + " 24 h before the first use. Uses at hours the account never works"
                  + " (./stormwatch heatmap) point to an actor elsewhere.")
          .falsePositives(
              "A token issued by a sign-in the tenant's export left out: diagnostic settings"
                  + " that export interactive sign-ins only, service principals' sign-ins not"
                  + " exported, an export consumer that lags by hours. Export non-interactive and"
                  + " service-principal sign-ins too; raise rule.orphan-token.grace for a feed that"
                  + " lags by more than 90 minutes.")
          .trapScenarios("signin-feed-lag", "service-app-graph", "night-silence-early-logins")
          .incidentRole(IncidentRole.TOKEN_MISUSE)
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Tenant(
          DESCRIPTOR,
          OrphanTokenSettings.definition(),
          settings -> new OrphanTokenRule(OrphanTokenSettings.from(settings)));

  private OrphanToken() {}
}
