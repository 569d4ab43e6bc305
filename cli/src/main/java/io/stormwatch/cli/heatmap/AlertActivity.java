package io.stormwatch.cli.heatmap;

import com.fasterxml.jackson.databind.JsonNode;
import io.stormwatch.schemas.avro.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the heatmap needs of one alert revision, read from the Avro alerts topic or from a
 * backtest's alerts file.
 *
 * @param accountActivity the evidence's 168 weekday-by-hour cells of the account's own activity;
 *     empty when the alert carries none (an alert about a whole tenant, or written before alerts
 *     carried it)
 * @param incidentActivity the same cells for the incident's alerts
 */
record AlertActivity(
    String alertId,
    int revision,
    String ruleId,
    String tenantId,
    String accountId,
    Instant firstEventTime,
    Instant lastEventTime,
    String incidentId,
    List<Integer> accountActivity,
    List<Integer> incidentActivity) {

  static AlertActivity of(Alert alert) {
    return new AlertActivity(
        alert.getAlertId(),
        alert.getRevision(),
        alert.getRuleId(),
        alert.getTenantId(),
        alert.getAccountId(),
        alert.getFirstEventTime(),
        alert.getLastEventTime(),
        alert.getIncidentId(),
        orEmpty(alert.getEvidence().getAccountActivity()),
        orEmpty(alert.getEvidence().getIncidentActivity()));
  }

  /** An alert as a line of a backtest's alerts file holds it. */
  static AlertActivity of(JsonNode alert) {
    JsonNode evidence = alert.path("evidence");
    return new AlertActivity(
        alert.path("alertId").asText(),
        alert.path("revision").asInt(),
        alert.path("ruleId").asText(),
        alert.path("tenantId").asText(),
        alert.path("accountId").asText(),
        Instant.parse(alert.path("firstEventTime").asText()),
        Instant.parse(alert.path("lastEventTime").asText()),
        alert.path("incidentId").isTextual() ? alert.path("incidentId").asText() : null,
        ints(evidence.path("accountActivity")),
        ints(evidence.path("incidentActivity")));
  }

  /** Whether the alert belongs to an incident and carries both heatmaps. */
  boolean hasActivity() {
    return incidentId != null && !accountActivity.isEmpty() && !incidentActivity.isEmpty();
  }

  private static List<Integer> orEmpty(List<Integer> cells) {
    return cells == null ? List.of() : cells;
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> ints = new ArrayList<>();
    array.forEach(cell -> ints.add(cell.asInt()));
    return ints;
  }
}
