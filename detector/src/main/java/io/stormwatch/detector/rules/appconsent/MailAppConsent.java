package io.stormwatch.detector.rules.appconsent;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The mail-app-consent rule as the catalogue lists it. */
public final class MailAppConsent {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("mail-app-consent")
          .title("Application granted access to mail, then reading it")
          .version(1)
          .attackTechniques("T1528", "T1114.002")
          .severities(Severity.LOW, Severity.MEDIUM, Severity.HIGH)
          .firesOn(
              "an OAuth grant of a mail scope (Mail.Read*, Mail.ReadWrite*, full_access_as_app,"
                  + " EWS/IMAP/POP access; `Consent to application.`, `Add delegated permission"
                  + " grant.`, `Add app role assignment to service principal.`) to an application"
                  + " that at most 2 accounts of the tenant read mail with before: LOW, MEDIUM when"
                  + " it reaches every user (admin consent, application permission); HIGH once that"
                  + " application reads mail in the tenant (MailItemsAccessed with its ClientAppId,"
                  + " any account) within 7 days of the grant")
          .staysQuietOn(
              "grants without a mail scope (sign-in apps: User.Read, openid, profile,"
                  + " offline_access); grants to an application many accounts of the tenant"
                  + " already read mail with; Microsoft's own mail clients; consents that failed")
          .triage(
              "Look the application id up among the tenant's enterprise applications: who"
                  + " published it, when it was added, which permissions it holds. A user's consent"
                  + " to an unknown app with Mail.Read and offline_access, followed by reads from a"
                  + " hosting network, is consent phishing: revoke the grant and the app's refresh"
                  + " tokens (the user's password does not matter to it). An application permission"
                  + " such as full_access_as_app reads every mailbox: check who granted it and from"
                  + " where. A known business app goes into rule.mail-app-consent.allowed.apps.")
          .falsePositives(
              "A user or an administrator granting mail access to a legitimate new add-in or"
                  + " integration (CRM, e-signature, archiving) before others use it. Add its app id"
                  + " to rule.mail-app-consent.allowed.apps once the application is vetted.")
          .trapScenarios("sign-in-app-consent", "service-app-graph")
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Tenant(
          DESCRIPTOR,
          MailAppConsentSettings.definition(),
          settings -> new MailAppConsentRule(MailAppConsentSettings.from(settings)));

  private MailAppConsent() {}
}
