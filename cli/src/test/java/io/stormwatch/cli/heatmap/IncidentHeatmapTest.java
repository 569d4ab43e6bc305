package io.stormwatch.cli.heatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentHeatmapTest {

  private static final Instant T = Instant.parse("2026-03-03T02:10:00Z");

  @Test
  void anHourBesideTheAccountsOwnActivityIsWithinItsHours() {
    // one day of history: the account worked 12:00-14:59 Monday, the incident took 13:00
    List<Integer> account = cells(12, 1, 13, 1, 14, 1);
    IncidentHeatmap heatmap = heatmap(alert("a1", 1, account, cells(13, 1)));

    assertThat(heatmap.outsideAccountHours(13)).isFalse();
    assertThat(heatmap.incidentHoursOutsideAccountHours()).isZero();
  }

  @Test
  void anHourWhereOnlyTheIncidentWasActiveIsOutside() {
    // Monday 09:00-10:59 the account's own; 02:00 its own records, but only the incident's
    IncidentHeatmap heatmap = heatmap(alert("a1", 1, cells(2, 1, 9, 4, 10, 4), cells(2, 1)));

    assertThat(heatmap.outsideAccountHours(2)).isTrue();
    assertThat(heatmap.incidentHoursOutsideAccountHours()).isEqualTo(1);
  }

  @Test
  void midnightNeighboursTheDayBefore() {
    // Sunday 23:00 is the account's; Monday 00:00 is next to it
    IncidentHeatmap heatmap = heatmap(alert("a1", 1, cells(167, 2, 0, 1), cells(0, 1)));

    assertThat(heatmap.outsideAccountHours(0)).isFalse();
  }

  @Test
  void theRevisionWithTheMostIncidentHoursIsDrawnAndEveryAlertCounted() {
    AlertActivity first = alert("a1", 1, cells(9, 1), cells(2, 1));
    AlertActivity later = alert("a2", 1, cells(9, 1, 2, 1), cells(2, 1, 3, 1));
    AlertActivity revision = alert("a1", 2, cells(9, 1), cells(2, 1));

    IncidentHeatmap heatmap = IncidentHeatmap.of(List.of(first, later, revision)).get(0);

    assertThat(heatmap.alerts()).isEqualTo(2);
    assertThat(heatmap.incidentHours()).isEqualTo(2);
    assertThat(heatmap.account()[2]).isEqualTo(1);
  }

  @Test
  void alertsWithoutActivityAreLeftOut() {
    AlertActivity wholeTenant =
        new AlertActivity(
            "g1", 1, "signin-coverage-gap", "t", "*", T, T, null, List.of(), List.of());

    assertThat(IncidentHeatmap.of(List.of(wholeTenant))).isEmpty();
  }

  private static IncidentHeatmap heatmap(AlertActivity alert) {
    return IncidentHeatmap.of(List.of(alert)).get(0);
  }

  private static AlertActivity alert(
      String alertId, int revision, List<Integer> account, List<Integer> incident) {
    return new AlertActivity(
        alertId, revision, "orphan-token", "t", "alice@contoso.com", T, T, "i1", account, incident);
  }

  /** 168 cells, zero but for the given cell, count pairs. */
  private static List<Integer> cells(int... cellCounts) {
    List<Integer> cells = new ArrayList<>(Collections.nCopies(168, 0));
    for (int i = 0; i < cellCounts.length; i += 2) {
      cells.set(cellCounts[i], cellCounts[i + 1]);
    }
    return cells;
  }
}
