package io.stormwatch.detector.rules.mailforwarding;

import io.stormwatch.detector.incident.IncidentRole;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The mail-forwarding rule as the catalogue lists it. */
public final class MailForwarding {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("mail-forwarding")
          .title("Mail forwarded outside the tenant by an inbox rule or mailbox forwarding")
          .version(1)
          .attackTechniques("T1114.003")
          .severities(Severity.HIGH, Severity.CRITICAL)
          .firesOn(
              "an inbox rule that forwards, forwards as attachment or redirects to an address"
                  + " outside the tenant's mail domains (`New-InboxRule`, `Set-InboxRule`, and"
                  + " `UpdateInboxRules` `AddMailboxRule` as Outlook writes it), or mailbox"
                  + " forwarding set to one (`Set-Mailbox` `ForwardingSmtpAddress`,"
                  + " `ForwardingAddress`); the tenant's domains are its own mailboxes' (learned from"
                  + " MailItemsAccessed `MailboxOwnerUPN`) and their subdomains, plus"
                  + " `rule.mail-forwarding.internal.domains`; CRITICAL when the mailbox keeps no"
                  + " copy (`RedirectTo`, a rule that also deletes, `DeliverToMailboxAndForward`"
                  + " False); one level higher (HIGH → CRITICAL) when the account's incident"
                  + " holds a token-replay or orphan-token alert")
          .staysQuietOn(
              "forwarding inside the tenant (a leaver's mail to their manager, invoices to"
                  + " accounts payable); recipients written as an address-book name, and Outlook's"
                  + " `ModifyMailboxRule` records, which carry no rule: neither can be judged (the"
                  + " latter are counted into the next alert)")
          .triage(
              "Is the recipient the business's? A rule named `.`, `..` or one character, made from"
                  + " a network the account never uses, soon after a token alert, is an attacker's"
                  + " persistence: remove it (`Remove-InboxRule`, `Set-Mailbox"
                  + " -ForwardingSmtpAddress $null`), revoke the account's sessions and trace the"
                  + " messages already sent there. Exchange's outbound spam policy may have blocked"
                  + " the forwarding; the attempt is the finding.")
          .falsePositives(
              "Forwarding to a partner, a subsidiary or a private address that policy allows,"
                  + " or to a domain the tenant owns whose mailboxes never appear in MailItemsAccessed"
                  + " records. Add the domain to rule.mail-forwarding.internal.domains.")
          .trapScenarios("internal-mail-forwarding")
          .incidentRole(IncidentRole.ESCALATED_BY_TOKEN_MISUSE)
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Account(
          DESCRIPTOR,
          MailForwardingSettings.definition(),
          settings -> new MailForwardingRule(MailForwardingSettings.from(settings)));

  private MailForwarding() {}
}
