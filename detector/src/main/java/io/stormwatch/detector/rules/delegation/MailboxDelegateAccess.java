package io.stormwatch.detector.rules.delegation;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The mailbox-delegate-access rule as the catalogue lists it. */
public final class MailboxDelegateAccess {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("mailbox-delegate-access")
          .title("Another user's mailbox read by a new delegate")
          .version(1)
          .attackTechniques("T1098.002", "T1114.002")
          .severities(Severity.MEDIUM, Severity.HIGH)
          .firesOn(
              "a mailbox read (MailItemsAccessed, MailboxOwnerUPN ≠ UserId) by an account that"
                  + " never read it before, after the tenant's 14 days of learning: HIGH when a"
                  + " delegation to that account on that mailbox (`Add-MailboxPermission`"
                  + " FullAccess, `Add-RecipientPermission` SendAs, `Add-`/`Set-MailboxFolderPermission`,"
                  + " `AddFolderPermissions`/`ModifyFolderPermissions`, the ApplicationImpersonation"
                  + " role) came in the 7 days before, MEDIUM otherwise; a mail folder opened to"
                  + " Default or Anonymous, and the ApplicationImpersonation role, at once (MEDIUM)")
          .staysQuietOn(
              "reader→mailbox pairs the tenant already has (a delegate's daily reading, an"
                  + " assistant's); a new reader of a team mailbox 2 other accounts already read (a"
                  + " shared mailbox's new member); owners reading their own mail; calendars shared"
                  + " with Default; Exchange's own grants that no read follows")
          .triage(
              "Who is the reader, and should they read this mailbox? Ask the mailbox's owner. A"
                  + " delegation just before the first read (the summary names who granted what)"
                  + " is the persistence step of a mailbox takeover when the grantor's session is"
                  + " itself suspicious: remove the permission (Remove-MailboxPermission,"
                  + " Remove-RecipientPermission, Remove-MailboxFolderPermission), and review the"
                  + " grantor's and the reader's sign-ins.")
          .falsePositives(
              "A new assistant or a helpdesk engineer first reading a mailbox on a delegation"
                  + " made longer than rule.mailbox-delegate-access.grant.window before, or"
                  + " outside the audit log. A delegation seen in that window is named in the alert"
                  + " (HIGH); lengthen rule.mailbox-delegate-access.grant.window where delegations"
                  + " are made well ahead of use.")
          .trapScenarios("shared-mailbox-delegates")
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Tenant(
          DESCRIPTOR,
          MailboxDelegateAccessSettings.definition(),
          settings -> new MailboxDelegateAccessRule(MailboxDelegateAccessSettings.from(settings)));

  private MailboxDelegateAccess() {}
}
