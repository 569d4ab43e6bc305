package io.stormwatch.detector.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.activity.AccountActivity;
import io.stormwatch.detector.activity.WeekHourActivity;
import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.testing.TestAlerts;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IncidentLinkerTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final IncidentLinker linker =
      new IncidentLinker(
          Map.of(
              "token-replay", IncidentRole.TOKEN_MISUSE,
              "mail-forwarding", IncidentRole.ESCALATED_BY_TOKEN_MISUSE,
              "mail-hiding-rule", IncidentRole.ESCALATED_BY_TOKEN_MISUSE),
          Duration.ofHours(72));
  private final AccountIncident incident = new AccountIncident();
  private final AccountActivity activity = new AccountActivity();

  @Test
  void alertsWithinTheWindowOfTheLatestShareOneIncident() {
    Alert first = linked(alert("mail-burst", "a1", T0, Severity.MEDIUM));
    Alert second =
        linked(alert("unusual-mail-client", "a2", T0.plus(Duration.ofHours(70)), Severity.LOW));
    // 70 h after the second, 140 h after the first: the window runs from the latest alert
    Alert third =
        linked(alert("mail-burst", "a3", T0.plus(Duration.ofHours(140)), Severity.MEDIUM));

    assertThat(List.of(second.getIncidentId(), third.getIncidentId()))
        .containsOnly(first.getIncidentId());
  }

  @Test
  void anAlertPastTheWindowOpensANewIncident() {
    Alert first = linked(alert("mail-burst", "a1", T0, Severity.MEDIUM));
    Alert later = linked(alert("mail-burst", "a2", T0.plus(Duration.ofHours(73)), Severity.MEDIUM));

    assertThat(later.getIncidentId()).isNotNull().isNotEqualTo(first.getIncidentId());
  }

  @Test
  void aRevisionStaysInItsAlertsIncidentWhateverTheGap() {
    Alert first = linked(alert("mail-burst", "a1", T0, Severity.MEDIUM));
    Alert revision = linked(alert("mail-burst", "a1", T0.plus(Duration.ofDays(5)), Severity.HIGH));

    assertThat(revision.getIncidentId()).isEqualTo(first.getIncidentId());
  }

  @Test
  void theIdIsDerivedFromTheInputAlone() {
    AccountIncident other = new AccountIncident();
    Alert here = linked(alert("mail-burst", "a1", T0, Severity.MEDIUM));
    Alert there = alert("mail-burst", "a1", T0, Severity.MEDIUM);
    linker.link(other, new AccountActivity(), there);

    assertThat(there.getIncidentId()).isEqualTo(here.getIncidentId()).hasSize(32);
  }

  @Test
  void anInboxRuleInAnIncidentWithATokenAlertRisesOneLevel() {
    linked(alert("token-replay", "t1", T0, Severity.HIGH));
    Alert forwarding = linked(alert("mail-forwarding", "f1", T0.plusSeconds(600), Severity.HIGH));
    Alert hiding = linked(alert("mail-hiding-rule", "h1", T0.plusSeconds(700), Severity.MEDIUM));

    assertThat(forwarding.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(forwarding.getSummary())
        .isEqualTo("summary; escalated: the account's incident holds a token-replay alert");
    assertThat(hiding.getSeverity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void criticalIsAsHighAsItGoes() {
    linked(alert("token-replay", "t1", T0, Severity.HIGH));
    Alert forwarding = linked(alert("mail-forwarding", "f1", T0, Severity.CRITICAL));

    assertThat(forwarding.getSeverity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void aTokenAlertOfAnEarlierIncidentEscalatesNothing() {
    linked(alert("token-replay", "t1", T0, Severity.HIGH));
    Alert forwarding =
        linked(alert("mail-forwarding", "f1", T0.plus(Duration.ofDays(4)), Severity.HIGH));

    assertThat(forwarding.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(forwarding.getSummary()).isEqualTo("summary");
  }

  @Test
  void aRuleWithoutTheEscalatingRoleIsOnlyLinked() {
    linked(alert("token-replay", "t1", T0, Severity.HIGH));
    Alert burst = linked(alert("mail-burst", "b1", T0, Severity.MEDIUM));

    assertThat(burst.getSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(burst.getIncidentId()).isNotNull();
  }

  @Test
  void theEvidenceSetsTheIncidentsHoursBesideTheAccountsOwn() {
    // Alice works Monday mornings, 09:00-10:59 UTC, two weeks running (T0 is Monday 09:00)
    for (int week = 0; week < 2; week++) {
      Instant monday = T0.plus(Duration.ofDays(7L * week));
      activity.record(monday.toEpochMilli());
      activity.record(monday.plusSeconds(1800).toEpochMilli()); // the same hour: counted once
      activity.record(monday.plus(Duration.ofHours(1)).toEpochMilli());
    }
    // Tuesday of the second week, 02:10 to 03:40 UTC: an actor at work in Alice's night
    Alert replay =
        alert("token-replay", "t1", T0.plus(Duration.ofDays(8)).minusSeconds(19200), Severity.HIGH);
    replay.setFirstEventTime(replay.getLastEventTime().minusSeconds(5400));

    linked(replay);

    List<Integer> account = replay.getEvidence().getAccountActivity();
    List<Integer> incidentHours = replay.getEvidence().getIncidentActivity();
    assertThat(account).hasSize(WeekHourActivity.CELLS);
    assertThat(nonZeroCells(account)).containsExactly(Map.entry(9, 2), Map.entry(10, 2));
    assertThat(nonZeroCells(incidentHours))
        .containsExactly(Map.entry(24 + 2, 1), Map.entry(24 + 3, 1));
  }

  @Test
  void aNewIncidentStartsWithItsOwnHoursOnly() {
    linked(alert("mail-burst", "a1", T0, Severity.MEDIUM));
    Alert later = linked(alert("mail-burst", "a2", T0.plus(Duration.ofDays(4)), Severity.MEDIUM));

    // Friday 09:00, the later alert's hour alone
    assertThat(nonZeroCells(later.getEvidence().getIncidentActivity()))
        .containsExactly(Map.entry(4 * 24 + 9, 1));
  }

  @Test
  void anAlertSpanningDaysAddsItsLastDayOfHours() {
    Alert crawl = alert("mail-burst", "a1", T0.plus(Duration.ofDays(3)), Severity.MEDIUM);
    crawl.setFirstEventTime(T0);

    linked(crawl);

    assertThat(nonZeroCells(crawl.getEvidence().getIncidentActivity())).hasSize(24);
  }

  @Test
  void anAlertAboutAWholeTenantBelongsToNoAccount() {
    Alert gap = alert("signin-coverage-gap", "g1", T0, Severity.MEDIUM);
    gap.setAccountId(Alerts.WHOLE_TENANT);

    assertThat(IncidentLinker.linkable(gap)).isFalse();
    assertThat(IncidentLinker.linkable(alert("mail-burst", "b1", T0, Severity.LOW))).isTrue();
  }

  /** The cells with activity, as cell index to count, in cell order. */
  private static List<Map.Entry<Integer, Integer>> nonZeroCells(List<Integer> cells) {
    return IntStream.range(0, cells.size())
        .filter(cell -> cells.get(cell) > 0)
        .mapToObj(cell -> Map.entry(cell, cells.get(cell)))
        .toList();
  }

  private Alert linked(Alert alert) {
    linker.link(incident, activity, alert);
    return alert;
  }

  private static Alert alert(String ruleId, String alertId, Instant lastEvent, Severity severity) {
    Alert alert = TestAlerts.alert(ruleId, alertId, lastEvent, lastEvent);
    alert.setSeverity(severity);
    return alert;
  }
}
