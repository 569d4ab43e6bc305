package io.stormwatch.detector.testing;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Instant;
import java.util.List;

/** Alerts as a rule would raise them, for tests of what happens to alerts after their rule. */
public final class TestAlerts {

  private TestAlerts() {}

  /**
   * Revision 1 of a HIGH alert of {@code ruleId} about Alice in {@link Events#TENANT}, with the
   * summary "summary" and empty evidence: set what a test is about on it.
   */
  public static Alert alert(String ruleId, String alertId, Instant first, Instant last) {
    return Alert.newBuilder()
        .setAlertId(alertId)
        .setRevision(1)
        .setRuleId(ruleId)
        .setRuleVersion(1)
        .setSeverity(Severity.HIGH)
        .setConfidence(0.8)
        .setAttackTechniques(List.of())
        .setTenantId(Events.TENANT)
        .setAccountId(Events.ALICE)
        .setFirstEventTime(first)
        .setLastEventTime(last)
        .setSummary("summary")
        .setEvidence(Evidence.newBuilder().build())
        .build();
  }
}
