package io.stormwatch.detector.rules.auditsilence;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The mailbox-audit-silence rule as the catalogue lists it. */
public final class MailboxAuditSilence {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("mailbox-audit-silence")
          .title("Mailbox reads no longer audited while the account keeps using its mail")
          .version(1)
          .attackTechniques("T1562.008")
          .severities(Severity.MEDIUM)
          .firesOn(
              "an account whose own mailbox's reads were audited (MailItemsAccessed) on 5 days"
                  + " signs in to Exchange Online in 4 or more clock hours on each of 2 days after"
                  + " the day of its last audited read, with no read of its mailbox audited since:"
                  + " auditing switched off or bypassed by a change the feed never carried, or the"
                  + " mailbox's reads no longer exported; revised on every further such day")
          .staysQuietOn(
              "a day of mail use without a read (one day is not enough); an account away, with no"
                  + " sign-ins; the 24 h after an `IsThrottled=True` record, when Exchange audits"
                  + " no binds by design (mail-burst reports it); accounts whose reads were audited"
                  + " on fewer than 5 days (service accounts, people who do not use mail);"
                  + " sign-ins to other resources than Exchange Online")
          .triage(
              "Check the mailbox's audit settings now (`Get-Mailbox -Identity <account> | Format-List"
                  + " Audit*`, `Get-MailboxAuditBypassAssociation`) and the unified audit log for"
                  + " `Set-Mailbox` or `Set-MailboxAuditBypassAssociation` on it: a change that"
                  + " switched auditing off is the intruder's (audit-tampering would have fired had"
                  + " it been exported). If the settings are sound, check that the export still"
                  + " carries the tenant's MailItemsAccessed records. Treat the mailbox as read"
                  + " without trace since mailboxBlindSince.")
          .falsePositives(
              "A mail client left running on a machine nobody uses (its tokens refreshed, nothing"
                  + " read), a mailbox moved or re-licensed so that its reads are audited"
                  + " elsewhere, a user who reads mail only through an add-in or phone app that"
                  + " signs in to another resource. Raise rule.mailbox-audit-silence.silent.days,"
                  + " or rule.mailbox-audit-silence.active.hours for clients that refresh around"
                  + " the clock.")
          .trapScenarios("mail-free-workday")
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Account(
          DESCRIPTOR,
          MailboxAuditSilenceSettings.definition(),
          settings -> new MailboxAuditSilenceRule(MailboxAuditSilenceSettings.from(settings)));

  private MailboxAuditSilence() {}
}
