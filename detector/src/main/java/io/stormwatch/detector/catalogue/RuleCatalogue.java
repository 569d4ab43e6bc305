package io.stormwatch.detector.catalogue;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.detector.rules.appconsent.MailAppConsent;
import io.stormwatch.detector.rules.appsweep.AppMailboxSweep;
import io.stormwatch.detector.rules.auditsilence.MailboxAuditSilence;
import io.stormwatch.detector.rules.audittampering.AuditTampering;
import io.stormwatch.detector.rules.coverage.SignInCoverageGap;
import io.stormwatch.detector.rules.delegation.MailboxDelegateAccess;
import io.stormwatch.detector.rules.mailburst.MailBurst;
import io.stormwatch.detector.rules.mailclient.UnusualMailClient;
import io.stormwatch.detector.rules.mailforwarding.MailForwarding;
import io.stormwatch.detector.rules.mailhiding.MailHiding;
import io.stormwatch.detector.rules.mailsync.ForeignMailboxSync;
import io.stormwatch.detector.rules.orphantoken.OrphanToken;
import io.stormwatch.detector.rules.tokenreplay.TokenReplay;
import java.util.HashSet;
import java.util.List;

/**
 * Every rule Stormwatch has: the one list that the configuration's rule settings, the topology, the
 * alerts' descriptions (OCSF titles, metrics) and the README's rule table come from. Adding a rule
 * is its package, its scenarios and a line here.
 *
 * <p>The order is the order the rules run in: account rules see each event in it, and tenant rules
 * judge each due token use in it.
 */
public final class RuleCatalogue {

  private static final List<RuleEntry> ENTRIES =
      List.of(
          TokenReplay.ENTRY,
          // Before orphan-token: a use it finds unverifiable (the tenant sends no sign-ins) is
          // counted in the gap, not reported as an orphan.
          SignInCoverageGap.ENTRY,
          OrphanToken.ENTRY,
          MailBurst.ENTRY,
          UnusualMailClient.ENTRY,
          ForeignMailboxSync.ENTRY,
          MailAppConsent.ENTRY,
          MailboxDelegateAccess.ENTRY,
          AppMailboxSweep.ENTRY,
          MailForwarding.ENTRY,
          MailHiding.ENTRY,
          AuditTampering.ENTRY,
          MailboxAuditSilence.ENTRY);

  static {
    var ids = new HashSet<String>();
    for (RuleEntry entry : ENTRIES) {
      if (!ids.add(entry.descriptor().id())) {
        throw new IllegalStateException("two rules with the id " + entry.descriptor().id());
      }
    }
  }

  private RuleCatalogue() {}

  public static List<RuleEntry> entries() {
    return ENTRIES;
  }

  /** Every rule's descriptor: what an alert's rule id can stand for. */
  public static List<RuleDescriptor> descriptors() {
    return ENTRIES.stream().map(RuleEntry::descriptor).toList();
  }
}
