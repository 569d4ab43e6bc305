package io.stormwatch.cli.demo;

import java.util.List;
import java.util.Map;

/**
 * The figures a demo run ends with, as printed and as written by {@code --summary-json}.
 *
 * @param seed simulator seed
 * @param simulatedStart start of the simulated activity (ISO-8601)
 * @param simulatedHours hours of simulated activity
 * @param tenants simulated tenants
 * @param usersPerTenant simulated users per tenant
 * @param rawRecords records published to the raw topics
 * @param ualRecords of which Unified Audit Log records
 * @param signInRecords of which Entra sign-in records
 * @param normalisedEvents events on the normalised topic
 * @param deadLetters records on the dead-letter topic
 * @param lateEvents events on the late topic
 * @param processingSeconds from the first record published to the last alert read
 * @param eventsPerSecond raw records per second of processing time
 * @param alerts distinct alerts (incidents)
 * @param alertRevisions alert revisions published, first firings included
 * @param alertsByRule distinct alerts per rule id
 * @param injectedAttacks attacks the simulator injected
 * @param detected injected attacks matched by at least one alert
 * @param missed injected attacks no alert matched
 * @param unmatchedAlerts alerts that match no injected attack (false positives)
 * @param attacks per injected attack: id, type, account, detected, matching alert ids and rules
 */
public record DemoSummary(
    long seed,
    String simulatedStart,
    long simulatedHours,
    int tenants,
    int usersPerTenant,
    long rawRecords,
    long ualRecords,
    long signInRecords,
    long normalisedEvents,
    long deadLetters,
    long lateEvents,
    double processingSeconds,
    double eventsPerSecond,
    int alerts,
    int alertRevisions,
    Map<String, Long> alertsByRule,
    int injectedAttacks,
    long detected,
    long missed,
    List<UnmatchedAlert> unmatchedAlerts,
    List<AttackLine> attacks) {

  /** One injected attack and what caught it. */
  public record AttackLine(
      String attackId,
      String type,
      String accountId,
      boolean detected,
      List<String> alertIds,
      List<String> rules) {}

  /** An alert that matches no injected attack. */
  public record UnmatchedAlert(String alertId, String ruleId, String accountId, String summary) {}
}
