package io.stormwatch.detector.rules.mailclient;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The unusual-mail-client rule as the catalogue lists it. */
public final class UnusualMailClient {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("unusual-mail-client")
          .title("Mailbox read by an application new to the account")
          .version(1)
          .attackTechniques("T1114.002", "T1550.001")
          .severities(Severity.HIGH)
          .firesOn(
              "a mail bind by a client app new for the account after 14 days of learning, used by at"
                  + " most 2 other accounts of the tenant, not a Microsoft first-party client (list"
                  + " shipped, extendable)")
          .staysQuietOn("first-party clients; clients many accounts of the tenant use")
          .triage(
              "Look the client app id up among the tenant's enterprise applications: an app the user"
                  + " consented to recently, with mail scopes, is OAuth consent phishing (CISA"
                  + " AA23-193A); revoke the consent and the app's tokens. A known business app goes"
                  + " into rule.unusual-mail-client.allowed.apps.")
          .falsePositives(
              "A line-of-business or third-party mail app rolled out to a few users at a time,"
                  + " or one user trying a new client. Add its app id to"
                  + " rule.unusual-mail-client.allowed.apps.")
          .trapScenarios("new-outlook-switch", "service-app-graph", "shared-mailbox-delegates")
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Account(
          DESCRIPTOR,
          UnusualMailClientSettings.definition(),
          settings -> new UnusualMailClientRule(UnusualMailClientSettings.from(settings)));

  private UnusualMailClient() {}
}
