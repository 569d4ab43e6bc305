package io.stormwatch.cli.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.cli.console.AlertLine;
import io.stormwatch.detector.ocsf.DetectionFindingMapper;
import io.stormwatch.schemas.avro.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

/**
 * What {@code stormwatch alerts} shows of one alert revision, whichever topic it was read from.
 *
 * @param severityId OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical, 6 Fatal
 */
record AlertView(
    Instant time,
    int severityId,
    String severity,
    String ruleId,
    String summary,
    String alertId,
    int revision) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static AlertView of(Alert alert) {
    return new AlertView(
        alert.getLastEventTime(),
        DetectionFindingMapper.severityId(alert.getSeverity()),
        alert.getSeverity().name(),
        alert.getRuleId(),
        alert.getSummary(),
        alert.getAlertId(),
        alert.getRevision());
  }

  /**
   * An OCSF Detection Finding as Stormwatch writes it.
   *
   * @throws IllegalArgumentException if {@code json} is not one
   */
  static AlertView ofOcsf(byte[] json) {
    JsonNode finding;
    try {
      finding = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode info = finding.path("finding_info");
    if (!finding.path("time").canConvertToLong() || !info.path("uid").isTextual()) {
      throw new IllegalArgumentException("not an OCSF finding: no time or finding_info.uid");
    }
    return new AlertView(
        Instant.ofEpochMilli(finding.path("time").asLong()),
        finding.path("severity_id").asInt(0),
        finding.path("severity").asText("Unknown").toUpperCase(Locale.ROOT),
        info.path("analytic").path("uid").asText("?"),
        info.path("desc").asText(finding.path("message").asText("")),
        info.path("uid").asText(),
        // the revision has no OCSF attribute; Stormwatch keeps it under unmapped
        finding.path("unmapped").path("revision").asInt(0));
  }

  String line() {
    return AlertLine.of(time, severity, ruleId, summary, alertId, revision);
  }
}
