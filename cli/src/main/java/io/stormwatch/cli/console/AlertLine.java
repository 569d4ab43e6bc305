package io.stormwatch.cli.console;

import io.stormwatch.schemas.avro.Alert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One alert revision as a readable line: when, how bad, which rule, who, what. */
public final class AlertLine {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private AlertLine() {}

  public static String of(Alert alert) {
    return of(
        alert.getLastEventTime(),
        alert.getSeverity().name(),
        alert.getRuleId(),
        alert.getSummary(),
        alert.getAlertId(),
        alert.getRevision());
  }

  /**
   * The line of an alert revision given by its parts, wherever it was read from.
   *
   * @param time event time of the latest contributing event
   * @param severity as a SOC reads it, e.g. HIGH
   */
  public static String of(
      Instant time, String severity, String ruleId, String summary, String alertId, int revision) {
    return String.format(
        Locale.ROOT,
        "%s  %-8s %-13s %s  [%s rev %d]",
        TIME.format(time),
        severity,
        ruleId,
        summary,
        alertId.substring(0, Math.min(8, alertId.length())),
        revision);
  }
}
