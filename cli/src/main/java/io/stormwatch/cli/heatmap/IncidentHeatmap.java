package io.stormwatch.cli.heatmap;

import io.stormwatch.detector.activity.WeekHourActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One incident's hours beside its account's own, by weekday (Monday first) and hour of day in UTC,
 * as the incident's alerts carry them.
 *
 * @param rules the rules of the incident's alerts, sorted
 * @param account the account's own activity: clock hours with any record, per cell (168 cells)
 * @param incident the incident's activity: clock hours its alerts' events span, per cell
 */
record IncidentHeatmap(
    String incidentId,
    String tenantId,
    String accountId,
    SortedSet<String> rules,
    int alerts,
    Instant firstEventTime,
    Instant lastEventTime,
    int[] account,
    int[] incident) {

  static final int HOURS = 24;
  static final int DAYS = WeekHourActivity.CELLS / HOURS;
  static final List<String> WEEKDAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

  /**
   * The incidents of {@code alerts}, in order of their first event. An incident's heatmaps are
   * those of its revision that saw the most incident hours (the latest linked one, as the hours
   * only grow within an incident), the account's as of then.
   */
  static List<IncidentHeatmap> of(Collection<AlertActivity> alerts) {
    Map<String, List<AlertActivity>> byIncident = new LinkedHashMap<>();
    alerts.stream()
        .filter(AlertActivity::hasActivity)
        .forEach(a -> byIncident.computeIfAbsent(a.incidentId(), id -> new ArrayList<>()).add(a));
    List<IncidentHeatmap> incidents = new ArrayList<>();
    byIncident.forEach((id, members) -> incidents.add(of(id, members)));
    incidents.sort(
        Comparator.comparing(IncidentHeatmap::firstEventTime)
            .thenComparing(IncidentHeatmap::incidentId));
    return incidents;
  }

  private static IncidentHeatmap of(String incidentId, List<AlertActivity> members) {
    AlertActivity fullest =
        members.stream()
            .max(
                Comparator.comparingInt((AlertActivity a) -> sum(a.incidentActivity()))
                    .thenComparing(AlertActivity::lastEventTime)
                    .thenComparingInt(AlertActivity::revision))
            .orElseThrow();
    return new IncidentHeatmap(
        incidentId,
        fullest.tenantId(),
        fullest.accountId(),
        new TreeSet<>(members.stream().map(AlertActivity::ruleId).toList()),
        (int) members.stream().map(AlertActivity::alertId).distinct().count(),
        members.stream().map(AlertActivity::firstEventTime).min(Comparator.naturalOrder()).get(),
        members.stream().map(AlertActivity::lastEventTime).max(Comparator.naturalOrder()).get(),
        cells(fullest.accountActivity()),
        cells(fullest.incidentActivity()));
  }

  /** The clock hours of the incident. */
  int incidentHours() {
    return sum(incident);
  }

  /**
   * Whether {@code cell} lies outside the account's own hours: the account has no activity of its
   * own there nor in the hour before or after. Activity of its own is what the incident's hours do
   * not explain (the incident's records are the account's records too); the hours either side keep
   * an incident in the middle of a short history's only working day from counting as outside it.
   */
  boolean outsideAccountHours(int cell) {
    for (int next = -1; next <= 1; next++) {
      int neighbour = Math.floorMod(cell + next, WeekHourActivity.CELLS);
      if (account[neighbour] > incident[neighbour]) {
        return false;
      }
    }
    return true;
  }

  /** The incident's clock hours that fall in cells where the account has no activity of its own. */
  int incidentHoursOutsideAccountHours() {
    int hours = 0;
    for (int cell = 0; cell < incident.length; cell++) {
      if (incident[cell] > 0 && outsideAccountHours(cell)) {
        hours += incident[cell];
      }
    }
    return hours;
  }

  static String cellName(int cell) {
    return String.format(Locale.ROOT, "%s %02d:00", WEEKDAYS.get(cell / HOURS), cell % HOURS);
  }

  private static int[] cells(List<Integer> cells) {
    if (cells.size() != WeekHourActivity.CELLS) {
      throw new IllegalArgumentException(
          "an activity heatmap has " + WeekHourActivity.CELLS + " cells, not " + cells.size());
    }
    return cells.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int sum(List<Integer> cells) {
    return cells.stream().mapToInt(Integer::intValue).sum();
  }

  private static int sum(int[] cells) {
    int sum = 0;
    for (int cell : cells) {
      sum += cell;
    }
    return sum;
  }
}
