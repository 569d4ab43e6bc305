package io.stormwatch.cli.scoring;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.sim.truth.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the alerts compare with the injected attacks. An alert matches an attack when it concerns the
 * attack's account and its event-time span overlaps the attack's, give or take {@link #SLACK}:
 * detections look at a window around the attacker's records.
 */
public record Scoreboard(List<AttackOutcome> outcomes, List<Alert> unmatchedAlerts) {

  static final Duration SLACK = Duration.ofMinutes(30);

  public Scoreboard {
    outcomes = List.copyOf(outcomes);
    unmatchedAlerts = List.copyOf(unmatchedAlerts);
  }

  /** Scores the latest revision of each alert against the ground truth. */
  public static Scoreboard score(GroundTruth truth, List<Alert> latestRevisions) {
    List<AttackOutcome> outcomes = new ArrayList<>();
    List<Alert> matchedSomething = new ArrayList<>();
    for (ScenarioLabel attack : truth.attacks()) {
      List<Alert> matching = latestRevisions.stream().filter(a -> matches(a, attack)).toList();
      matchedSomething.addAll(matching);
      outcomes.add(new AttackOutcome(attack, matching));
    }
    List<Alert> unmatched =
        latestRevisions.stream().filter(a -> !matchedSomething.contains(a)).toList();
    return new Scoreboard(outcomes, unmatched);
  }

  static boolean matches(Alert alert, ScenarioLabel attack) {
    if (!alert.getTenantId().equals(attack.tenantId())
        || !attack.accounts().contains(alert.getAccountId())) {
      return false;
    }
    Instant from = attack.start().minus(SLACK);
    Instant to = attack.end().plus(SLACK);
    return !alert.getLastEventTime().isBefore(from) && !alert.getFirstEventTime().isAfter(to);
  }

  public long detected() {
    return outcomes.stream().filter(AttackOutcome::detected).count();
  }

  public long missed() {
    return outcomes.size() - detected();
  }

  /** Alerts (latest revisions) per rule id, sorted by rule. */
  public static Map<String, Long> alertsByRule(List<Alert> alerts) {
    Map<String, Long> byRule = new TreeMap<>();
    alerts.forEach(a -> byRule.merge(a.getRuleId(), 1L, Long::sum));
    return byRule;
  }
}
