package io.stormwatch.detector.rules.appsweep;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The app-mailbox-sweep rule as the catalogue lists it. */
public final class AppMailboxSweep {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("app-mailbox-sweep")
          .title("One application reading many mailboxes")
          .version(1)
          .attackTechniques("T1114.002")
          .severities(Severity.HIGH)
          .firesOn(
              "a client application (not a Microsoft mail client) reading 5 or more mailboxes"
                  + " (MailboxOwnerUPN) within an hour, more than twice as many as it ever read in"
                  + " an hour before, after the tenant's 14 days of learning: an application"
                  + " permission (full_access_as_app, Graph Mail.Read) or impersonation at work; the"
                  + " alert's account is `app:<client application id>`")
          .staysQuietOn(
              "integrations reading the mailboxes they read every day (their own learned peak);"
                  + " Microsoft's mail clients, delegates and shared mailboxes included; an"
                  + " application reading a handful of mailboxes")
          .triage(
              "Which application is it, who granted it mail permissions and when (look for a"
                  + " mail-app-consent alert, or the app's permissions in Entra ID), and is a"
                  + " migration, backup or e-discovery job expected? If not, disable the service"
                  + " principal, remove its credentials and app role assignments, and list the"
                  + " mailboxes it read (sample event ids).")
          .falsePositives(
              "A backup, archiving, migration or eDiscovery service starting a job over many"
                  + " mailboxes for the first time. Add its app id to"
                  + " rule.app-mailbox-sweep.allowed.apps, or raise"
                  + " rule.app-mailbox-sweep.peak.multiplier for services whose load varies.")
          .trapScenarios("service-app-graph")
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Tenant(
          DESCRIPTOR,
          AppMailboxSweepSettings.definition(),
          settings -> new AppMailboxSweepRule(AppMailboxSweepSettings.from(settings)));

  private AppMailboxSweep() {}
}
