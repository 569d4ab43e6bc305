package io.stormwatch.detector.rules.mailburst;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.schemas.avro.Severity;

/** The mail-burst rule as the catalogue lists it. */
public final class MailBurst {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.rule("mail-burst")
          .title("Mailbox read far above its usual volume")
          .version(4)
          .attackTechniques("T1114.002")
          .severities(Severity.MEDIUM, Severity.HIGH)
          .firesOn(
              "items read in a sliding hour (bind `OperationCount`) above max(500, 3 × the"
                  + " account's baseline) — the tenant's peer baseline while the account is new;"
                  + " any `IsThrottled=True` record")
          .staysQuietOn(
              "heavy but normal readers (their own baseline; a new heavy reader alerts once, then"
                  + " learns its working day); hours of an incident are otherwise never learned;"
                  + " syncs of whole folders, however many (a new device downloads every folder"
                  + " once: where a sync comes from is foreign-mailbox-sync's question)")
          .triage(
              "Compare the items read with the baseline and threshold in the evidence, then look at"
                  + " the client app, network and session: bulk binds through a REST client or from a"
                  + " hosting network are collection. IsThrottled means Exchange stopped auditing the mailbox's binds for 24 h:"
                  + " what was read is not all in the log (mailboxBlindSince, mailboxBlindUntil).")
          .falsePositives(
              "eDiscovery, migration or archiving run with the user's own token, or a user"
                  + " searching years of mail in a new account (compared with peers until its own"
                  + " baseline exists). Raise rule.mail-burst.floor.items or"
                  + " rule.mail-burst.baseline.multiplier; run migrations with an application rather"
                  + " than a user's token.")
          .trapScenarios("new-device-full-sync", "returning-from-leave")
          .build();

  public static final RuleEntry ENTRY =
      new RuleEntry.Account(
          DESCRIPTOR,
          MailBurstSettings.definition(),
          settings -> new MailBurstRule(MailBurstSettings.from(settings)));

  private MailBurst() {}
}
