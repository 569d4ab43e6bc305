package io.stormwatch.cli.heatmap;

import static io.stormwatch.cli.heatmap.IncidentHeatmap.DAYS;
import static io.stormwatch.cli.heatmap.IncidentHeatmap.HOURS;
import static io.stormwatch.cli.heatmap.IncidentHeatmap.WEEKDAYS;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.IntFunction;

/** An incident's heatmap for a terminal: the account's own hours above the incident's. */
final class HeatmapText {

  static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Shades of the account's cells, none to most active. */
  private static final String[] SHADES = {" ·", "░░", "▒▒", "▓▓", "██"};

  private static final String OUTSIDE = "##";
  private static final String WITHIN = "++";

  private HeatmapText() {}

  static String render(IncidentHeatmap heatmap) {
    StringBuilder text = new StringBuilder();
    text.append(title(heatmap)).append("\n\n");
    text.append(
        "The account's own hours (clock hours with any of its records, UTC; darker: more)\n");
    int busiest = max(heatmap.account());
    grid(text, cell -> shade(heatmap.account()[cell], busiest));
    text.append('\n');
    text.append("The incident's hours (spanned by its alerts' events, UTC; ")
        .append(OUTSIDE)
        .append(" outside the account's own hours, ")
        .append(WITHIN)
        .append(" within them)\n");
    grid(
        text,
        cell ->
            heatmap.incident()[cell] == 0
                ? SHADES[0]
                : heatmap.outsideAccountHours(cell) ? OUTSIDE : WITHIN);
    text.append('\n').append(verdict(heatmap)).append('\n');
    return text.toString();
  }

  static String title(IncidentHeatmap heatmap) {
    return heading(heatmap) + ": " + period(heatmap);
  }

  /** The account and the incident. */
  static String heading(IncidentHeatmap heatmap) {
    return heatmap.accountId() + ", incident " + heatmap.incidentId();
  }

  /** The incident's rules, alerts and time span. */
  static String period(IncidentHeatmap heatmap) {
    return String.format(
        Locale.ROOT,
        "%s; %d alert%s, %s to %s UTC",
        String.join(", ", heatmap.rules()),
        heatmap.alerts(),
        heatmap.alerts() == 1 ? "" : "s",
        MINUTE.format(heatmap.firstEventTime()),
        MINUTE.format(heatmap.lastEventTime()));
  }

  static String verdict(IncidentHeatmap heatmap) {
    return String.format(
        Locale.ROOT,
        "Outside the account's own hours: %d of the incident's %d clock hour%s.",
        heatmap.incidentHoursOutsideAccountHours(),
        heatmap.incidentHours(),
        heatmap.incidentHours() == 1 ? "" : "s");
  }

  private static void grid(StringBuilder text, IntFunction<String> cells) {
    text.append("    ");
    for (int hour = 0; hour < HOURS; hour++) {
      text.append(String.format(Locale.ROOT, " %02d", hour));
    }
    text.append('\n');
    for (int day = 0; day < DAYS; day++) {
      text.append(WEEKDAYS.get(day)).append(' ');
      for (int hour = 0; hour < HOURS; hour++) {
        text.append(' ').append(cells.apply(day * HOURS + hour));
      }
      text.append('\n');
    }
  }

  private static String shade(int count, int max) {
    if (count == 0) {
      return SHADES[0];
    }
    int level = (int) Math.ceil((double) count / max * (SHADES.length - 1));
    return SHADES[Math.max(1, level)];
  }

  static int max(int[] cells) {
    int max = 0;
    for (int cell : cells) {
      max = Math.max(max, cell);
    }
    return max;
  }
}
