package io.stormwatch.cli.console;

import io.stormwatch.schemas.avro.Alert;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One alert revision as a readable line: when, how bad, which rule, who, what. */
public final class AlertLine {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private AlertLine() {}

  public static String of(Alert alert) {
    return String.format(
        Locale.ROOT,
        "%s  %-8s %-13s %s  [%s rev %d]",
        TIME.format(alert.getLastEventTime()),
        alert.getSeverity(),
        alert.getRuleId(),
        alert.getSummary(),
        alert.getAlertId().substring(0, 8),
        alert.getRevision());
  }
}
