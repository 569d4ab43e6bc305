package io.stormwatch.detector.rules.audittampering;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The audit-tampering rule as the catalogue lists it. */
public final class AuditTampering {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("audit-tampering")
          .title("Audit logging of mailboxes or the tenant switched off or bypassed")
          .version(1)
          .attackTechniques("T1562.008")
          .severities(Severity.HIGH, Severity.CRITICAL)
          .firesOn(
              "`Set-MailboxAuditBypassAssociation` with `AuditBypassEnabled` True, `Set-Mailbox`"
                  + " with `AuditEnabled` False or removing MailItemsAccessed from `AuditOwner`,"
                  + " `AuditDelegate` or `AuditAdmin`, `Set-AdminAuditLogConfig` with"
                  + " `AdminAuditLogEnabled` False → HIGH; `Set-AdminAuditLogConfig` with"
                  + " `UnifiedAuditLogIngestionEnabled` False or `Set-OrganizationConfig` with"
                  + " `AuditDisabled` True (the whole tenant) → CRITICAL; parameters read by name")
          .staysQuietOn(
              "the same cmdlets switching auditing on or removing a bypass (tenant provisioning"
                  + " runs `Set-AdminAuditLogConfig` as NT AUTHORITY\\SYSTEM); a bypass for an"
                  + " account listed in `rule.audit-tampering.bypass.allowed.accounts`")
          .triage(
              "Who ran it, from where, and was it a change request? Nothing an attacker does after"
                  + " it is audited: undo it first (`Set-MailboxAuditBypassAssociation"
                  + " -AuditBypassEnabled $false`, `Set-Mailbox -AuditEnabled $true`,"
                  + " `Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true`), then treat"
                  + " the acting account as compromised and the affected mailboxes as read without"
                  + " trace since the change (mailboxBlindSince).")
          .falsePositives(
              "An archiving or backup service account whose audit bypass is set up by design,"
                  + " or an administrator trimming audited actions on a busy service mailbox. Name the"
                  + " service accounts in rule.audit-tampering.bypass.allowed.accounts.")
          .trapScenarios("audit-config-hardening")
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Account(
          DESCRIPTOR,
          AuditTamperingSettings.definition(),
          settings -> new AuditTamperingRule(AuditTamperingSettings.from(settings)));

  private AuditTampering() {}
}
