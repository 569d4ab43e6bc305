package io.stormwatch.detector.rules.mailhiding;

import io.stormwatch.detector.incident.IncidentRole;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The mail-hiding-rule rule as the catalogue lists it. */
public final class MailHiding {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("mail-hiding-rule")
          .title("Inbox rule that hides mail from the mailbox's owner")
          .version(1)
          .attackTechniques("T1564.008")
          .severities(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL)
          .firesOn(
              "an inbox rule (`New-InboxRule`, `Set-InboxRule`, Outlook's `UpdateInboxRules`"
                  + " `AddMailboxRule`) that deletes what it matches or moves it to a folder the"
                  + " owner does not read (RSS Subscriptions, RSS Feeds, Conversation History,"
                  + " Junk Email, Deleted Items...) and shows an intruder's sign: a condition on"
                  + " security or payment words (invoice, wire, phish, suspicious...), a name of"
                  + " at most two characters or none, marking the mail read, or no condition at"
                  + " all; two signs or more → HIGH; one level higher when the account's incident"
                  + " holds a token-replay or orphan-token alert")
          .staysQuietOn(
              "rules filing mail into folders people read (newsletters into Newsletters, even"
                  + " marked read); deleting one sender's promotions under a real name; Outlook's"
                  + " `ModifyMailboxRule` records and moves to a folder known by id only, which"
                  + " cannot be judged")
          .triage(
              "Read the rule's condition and destination in the evidence: a rule hiding replies"
                  + " about invoices or security notices, made from a network the account does not"
                  + " use, is business e-mail compromise keeping the owner unaware. Remove it,"
                  + " revoke the account's sessions, look in the destination folder for what it"
                  + " hid, and check for forwarding (mail-forwarding) made in the same session.")
          .falsePositives(
              "A user filing invoices or security notifications out of sight on purpose (a rule"
                  + " moving payment reminders into Deleted Items, notifications marked read into RSS"
                  + " Feeds). Narrow rule.mail-hiding-rule.sensitive.words or"
                  + " rule.mail-hiding-rule.hidden.folders.")
          .trapScenarios("everyday-inbox-rules")
          .incidentRole(IncidentRole.ESCALATED_BY_TOKEN_MISUSE)
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Account(
          DESCRIPTOR,
          MailHidingSettings.definition(),
          settings -> new MailHidingRule(MailHidingSettings.from(settings)));

  private MailHiding() {}
}
