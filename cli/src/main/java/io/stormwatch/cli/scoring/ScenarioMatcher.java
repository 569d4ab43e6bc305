package io.stormwatch.cli.scoring;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.sim.scenario.ScenarioLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Decides whether an alert is about a scenario: same tenant, an account the scenario concerns (any
 * account of the tenant when the scenario concerns the whole tenant, as tenant-level rules such as
 * the coverage gap have no user), and event-time spans that overlap give or take {@link #SLACK}.
 * The slack covers rules that look at a window around the scenario's records (a sliding hour, the
 * token's earlier uses).
 */
public final class ScenarioMatcher {

  /** How far outside a scenario's span an alert may begin or end and still be about it. */
  public static final Duration SLACK = Duration.ofMinutes(30);

  private ScenarioMatcher() {}

  public static boolean matches(Alert alert, ScenarioLabel scenario) {
    if (!alert.getTenantId().equalsIgnoreCase(scenario.tenantId())) {
      return false;
    }
    if (!scenario.tenantWide()
        && scenario.accounts().stream()
            .noneMatch(a -> a.equals(alert.getAccountId().toLowerCase(Locale.ROOT)))) {
      return false;
    }
    Instant from = scenario.start().minus(SLACK);
    Instant to = scenario.end().plus(SLACK);
    return !alert.getLastEventTime().isBefore(from) && !alert.getFirstEventTime().isAfter(to);
  }
}
