package io.stormwatch.detector.incident;

import io.stormwatch.detector.activity.AccountActivity;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.util.Map;

/**
 * Puts each alert of an account into the account's {@link AccountIncident}: sets the alert's
 * incident id and, for a follow-on alert in an incident that holds a token-misuse alert, raises its
 * severity one level and says why in its summary; puts the account's and the incident's activity
 * (weekday by hour) in its evidence. Alerts about a whole tenant belong to no account and are left
 * alone.
 */
public final class IncidentLinker {

  private final Map<String, IncidentRole> rolesByRule;
  private final long window;

  /**
   * @param rolesByRule each rule's role by rule id; a rule not named is {@link IncidentRole#PLAIN}
   * @param window how long after its latest alert, in event time, an incident takes new alerts
   */
  public IncidentLinker(Map<String, IncidentRole> rolesByRule, Duration window) {
    this.rolesByRule = Map.copyOf(rolesByRule);
    this.window = window.toMillis();
  }

  /** Whether {@code alert} belongs to an account, and so to one of its incidents. */
  public static boolean linkable(Alert alert) {
    return !Alerts.WHOLE_TENANT.equals(alert.getAccountId());
  }

  /**
   * Places {@code alert} in {@code incident} (its account's) and sets the alert's incident id,
   * escalating it where its rule's role says so.
   *
   * @param activity when the alert's account is active
   */
  public void link(AccountIncident incident, AccountActivity activity, Alert alert) {
    IncidentRole role = rolesByRule.getOrDefault(alert.getRuleId(), IncidentRole.PLAIN);
    incident.place(alert, window, role == IncidentRole.TOKEN_MISUSE);
    alert.setIncidentId(incident.id());
    activity.recordAlert(incident.id(), alert);
    alert.getEvidence().setAccountActivity(activity.hours().cells());
    alert.getEvidence().setIncidentActivity(activity.incidentHours().cells());
    if (role == IncidentRole.ESCALATED_BY_TOKEN_MISUSE && incident.tokenMisuseRule() != null) {
      alert.setSeverity(oneLevelUp(alert.getSeverity()));
      alert.setSummary(
          alert.getSummary()
              + "; escalated: the account's incident holds a "
              + incident.tokenMisuseRule()
              + " alert");
    }
  }

  private static Severity oneLevelUp(Severity severity) {
    Severity[] levels = Severity.values();
    return levels[Math.min(severity.ordinal() + 1, levels.length - 1)];
  }
}
