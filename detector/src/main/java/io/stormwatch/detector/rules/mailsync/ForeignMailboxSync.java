package io.stormwatch.detector.rules.mailsync;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The foreign-mailbox-sync rule as the catalogue lists it. */
public final class ForeignMailboxSync {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("foreign-mailbox-sync")
          .title("Whole mailbox synced from a network the account never signs in from")
          .version(1)
          .attackTechniques("T1114.002", "T1550.001")
          .severities(Severity.HIGH)
          .firesOn(
              "50 folders synced (MailItemsAccessed `MailAccessType=Sync`: one record per whole"
                  + " folder) within a sliding hour from networks (ASNs) the account never signed in"
                  + " from interactively and that are not the tenant's (5 of its accounts sign in"
                  + " there): Outlook downloading the mailbox with a stolen refresh token, the"
                  + " \"Big Yellow Taxi\" idea of comparing mail access with where the account"
                  + " authenticates")
          .staysQuietOn(
              "a new device of the account's own syncing everything after its user signed in"
                  + " interactively from a known network, or through the tenant's corporate VPN;"
                  + " Outlook's everyday syncs of a few folders anywhere")
          .triage(
              "Look at the networks and the session in the evidence: did the user set up Outlook"
                  + " on a machine there? A refresh-token redemption (a non-interactive sign-in)"
                  + " from the same network just before the sync is a stolen refresh token. If it"
                  + " is not the user's, revoke the account's sessions and refresh tokens: every"
                  + " item of every synced folder is in the attacker's hands.")
          .falsePositives(
              "Outlook set up on a new device on a network the account never signed in"
                  + " interactively from (a hotel, a travel SIM), or a corporate VPN fewer than five"
                  + " accounts of the tenant use yet. Lower"
                  + " rule.foreign-mailbox-sync.tenant.network.accounts for a small tenant's VPN, or"
                  + " raise rule.foreign-mailbox-sync.min.folders.")
          .trapScenarios("new-device-full-sync", "new-laptop-corporate-vpn")
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Account(
          DESCRIPTOR,
          ForeignMailboxSyncSettings.definition(),
          settings -> new ForeignMailboxSyncRule(ForeignMailboxSyncSettings.from(settings)));

  private ForeignMailboxSync() {}
}
