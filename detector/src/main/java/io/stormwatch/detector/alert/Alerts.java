package io.stormwatch.detector.alert;

import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Assembles alerts so that every rule fills the same fields the same way. */
public final class Alerts {

  /** The account of an alert about a whole tenant, such as a gap in its logs. */
  public static final String WHOLE_TENANT = "*";

  private Alerts() {}

  /** An alert revision of {@code rule} on one account. */
  public static Alert revision(
      RuleDescriptor rule,
      String alertId,
      int revision,
      Severity severity,
      double confidence,
      String tenantId,
      String accountId,
      Instant firstEventTime,
      Instant lastEventTime,
      String summary,
      Evidence evidence) {
    return Alert.newBuilder()
        .setAlertId(alertId)
        .setRevision(revision)
        .setRuleId(rule.id())
        .setRuleVersion(rule.version())
        .setSeverity(severity)
        .setConfidence(confidence)
        .setAttackTechniques(rule.attackTechniques())
        .setTenantId(tenantId)
        .setAccountId(accountId)
        .setFirstEventTime(firstEventTime)
        .setLastEventTime(lastEventTime)
        .setSummary(summary)
        .setEvidence(evidence)
        .build();
  }

  /** Evidence lists at most this many mailboxes. */
  public static final int MAX_MAILBOXES = 16;

  /**
   * The mailboxes of {@code owners} that are not {@code account}'s own, sorted, at most {@link
   * #MAX_MAILBOXES}: what an alert's {@code mailboxes} evidence names.
   */
  public static List<String> otherMailboxes(Collection<String> owners, String account) {
    return owners.stream()
        .filter(owner -> owner != null && !owner.equals(account))
        .distinct()
        .sorted()
        .limit(MAX_MAILBOXES)
        .toList();
  }

  /**
   * A span of event time as a person reads it in a summary: {@code 45 s}, {@code 34 min}, {@code 3
   * h 5 min}.
   */
  public static String humanDuration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return d.toSeconds() + " s";
    }
    if (minutes < 120) {
      return minutes + " min";
    }
    return d.toHours() + " h " + (minutes % 60) + " min";
  }
}
