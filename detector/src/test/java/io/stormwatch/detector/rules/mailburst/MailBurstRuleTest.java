package io.stormwatch.detector.rules.mailburst;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.HOME_US;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.Events.mailBind;
import static io.stormwatch.detector.testing.Events.mailSync;
import static io.stormwatch.detector.testing.Events.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.rules.MailItems;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailBurstRuleTest {

  /** Defaults: window 1h, floor 500 items, 3x the account's hourly baseline. */
  private final MailBurstRule rule = new MailBurstRule(MailBurstSettings.of(Map.of()));

  private static final Instant MONDAY_8AM = Instant.parse("2026-03-02T08:00:00Z");

  private final MailBurstState state = rule.newState();
  private final List<Alert> alerts = new ArrayList<>();

  @Test
  void firesWhenAnAccountWithoutHistoryReadsMoreThanTheFloor() {
    readSteadily(MONDAY_8AM, Duration.ofMinutes(40), 40, 15); // 600 items in 40 minutes

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0);
    assertThat(alert.getRuleId()).isEqualTo("mail-burst");
    assertThat(alert.getEvidence().getItemCount()).isGreaterThanOrEqualTo(500);
    assertThat(alert.getEvidence().getThreshold()).isEqualTo(500.0);
    assertThat(alert.getEvidence().getBaseline()).isNull();
    assertThat(alert.getAttackTechniques()).containsExactly("T1114.002");
    assertThat(alert.getSummary()).contains(ALICE).contains("no baseline yet");
  }

  @Test
  void staysQuietForAHeavyButNormalReader() {
    // Five working hours at ~380 items an hour, then a busy hour of 900: under 3x its baseline.
    for (int hour = 0; hour < 5; hour++) {
      readSteadily(MONDAY_8AM.plus(Duration.ofHours(hour)), Duration.ofMinutes(55), 38, 10);
    }
    readSteadily(MONDAY_8AM.plus(Duration.ofHours(5)), Duration.ofMinutes(55), 45, 20);

    assertThat(alerts).isEmpty();
    assertThat(state.baseline).isBetween(300.0, 400.0);
  }

  @Test
  void firesWhenAHeavyReaderGoesFarBeyondItsOwnBaseline() {
    for (int hour = 0; hour < 5; hour++) {
      readSteadily(MONDAY_8AM.plus(Duration.ofHours(hour)), Duration.ofMinutes(55), 38, 10);
    }
    readSteadily(MONDAY_8AM.plus(Duration.ofHours(5)), Duration.ofMinutes(30), 30, 60); // 1,800

    assertThat(alerts).isNotEmpty();
    assertThat(alerts.get(0).getEvidence().getBaseline()).isBetween(300.0, 400.0);
    assertThat(alerts.get(0).getEvidence().getThreshold()).isGreaterThan(900.0);
  }

  @Test
  void revisesTheSameIncidentAsTheBurstGrowsInsteadOfFiringAgain() {
    readSteadily(MONDAY_8AM, Duration.ofMinutes(50), 50, 40); // 2,000 items

    assertThat(alerts).hasSizeGreaterThan(1);
    assertThat(alerts).extracting(Alert::getAlertId).containsOnly(alerts.get(0).getAlertId());
    assertThat(alerts)
        .extracting(Alert::getRevision)
        .containsExactly(
            java.util.stream.IntStream.rangeClosed(1, alerts.size())
                .boxed()
                .toArray(Integer[]::new));
    assertThat(alerts.get(alerts.size() - 1).getEvidence().getItemCount())
        .isGreaterThanOrEqualTo((long) (alerts.get(0).getEvidence().getItemCount() * 1.5));
  }

  @Test
  void opensANewIncidentAfterAQuietWindow() {
    readSteadily(MONDAY_8AM, Duration.ofMinutes(20), 20, 30); // 600
    readSteadily(MONDAY_8AM.plus(Duration.ofHours(3)), Duration.ofMinutes(20), 20, 30);

    assertThat(alerts).extracting(Alert::getAlertId).doesNotHaveDuplicates().hasSize(2);
  }

  @Test
  void doesNotLearnAnAttackHourAsNormal() {
    readSteadily(MONDAY_8AM, Duration.ofMinutes(55), 20, 5); // baseline 100
    readSteadily(MONDAY_8AM.plus(Duration.ofHours(1)), Duration.ofMinutes(55), 40, 50); // burst
    readSteadily(
        MONDAY_8AM.plus(Duration.ofHours(2)), Duration.ofMinutes(5), 1, 1); // closes the hour

    assertThat(state.baseline).isEqualTo(100.0);
  }

  @Test
  void countsItemsReadOneByOneNotFoldersSynced() {
    AuditEvent sync = mailSync(ALICE, 30).at(MONDAY_8AM);

    assertThat(MailItems.bound(sync)).isZero();
    assertThat(MailItems.of(sync)).isEqualTo(30);
    assertThat(MailItems.bound(mailBind(ALICE).items(7).at(MONDAY_8AM))).isEqualTo(7);
  }

  @Test
  void aNewDevicesFullSyncOnTopOfTheUsualReadingIsNoBurst() {
    readSteadily(MONDAY_8AM, Duration.ofMinutes(55), 20, 5); // 100 an hour
    Instant setUp = MONDAY_8AM.plus(Duration.ofHours(1));
    for (int folder = 0; folder < 450; folder++) {
      alerts.addAll(rule.evaluate(state, mailSync(ALICE, 1).at(setUp.plusSeconds(4L * folder))));
    }
    readSteadily(setUp, Duration.ofMinutes(55), 20, 5);

    assertThat(alerts).isEmpty();

    readSteadily(setUp.plus(Duration.ofHours(1)), Duration.ofMinutes(30), 30, 20); // 600 binds
    assertThat(alerts).hasSize(1);
  }

  @Test
  void ignoresEventsThatAreNotMailAccess() {
    for (int i = 0; i < 1000; i++) {
      alerts.addAll(rule.evaluate(state, signIn(ALICE).at(MONDAY_8AM.plusSeconds(i))));
    }

    assertThat(alerts).isEmpty();
    assertThat(rule.isEmpty(state)).isTrue();
  }

  @Test
  void doesNotCountEventsThatFellOutOfTheWindow() {
    alerts.addAll(
        rule.evaluate(state, mailBind(ALICE).items(10).at(MONDAY_8AM.plus(Duration.ofHours(2)))));
    alerts.addAll(rule.evaluate(state, mailBind(ALICE).items(5000).at(MONDAY_8AM)));

    assertThat(alerts).isEmpty();
  }

  @Test
  void stateSurvivesItsCodec() {
    readSteadily(MONDAY_8AM, Duration.ofMinutes(90), 60, 12);
    alerts.addAll(
        rule.evaluate(
            state,
            mailBind(ALICE).items(400).from(VPS_NL).at(MONDAY_8AM.plus(Duration.ofMinutes(91)))));

    MailBurstState decoded = rule.codec().decode(rule.codec().encode(state));

    assertThat(rule.codec().encode(decoded)).isEqualTo(rule.codec().encode(state));
    assertThat(decoded.baseline).isEqualTo(state.baseline);
  }

  /** {@code records} binds of {@code itemsEach} items, evenly spread over {@code span}. */
  private void readSteadily(Instant from, Duration span, int records, int itemsEach) {
    long step = span.toMillis() / records;
    for (int i = 0; i < records; i++) {
      alerts.addAll(
          rule.evaluate(
              state, mailBind(ALICE).items(itemsEach).from(HOME_US).at(from.plusMillis(step * i))));
    }
  }

  @Test
  void aSteadyHeavyReaderAlertsAtMostOnceBeforeItsOwnBaselineExists() {
    // A new account reading 600 to 1,000 items every working hour for a week: over the floor of
    // 500 and far over its peers' 60 an hour, but its daily work.
    for (int day = 0; day < 5; day++) {
      for (int hour = 0; hour < 8; hour++) {
        Instant from = MONDAY_8AM.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
        int itemsEach = 15 + 10 * ((day + hour) % 2);
        for (int i = 0; i < 40; i++) {
          alerts.addAll(
              rule.evaluate(
                  state,
                  mailBind(ALICE)
                      .items(itemsEach)
                      .tenantPeerItemsPerHour(60)
                      .at(from.plus(Duration.ofSeconds(80L * i)))));
        }
      }
    }

    assertThat(alerts).isNotEmpty();
    assertThat(alerts).extracting(Alert::getAlertId).containsOnly(alerts.get(0).getAlertId());
    assertThat(alerts.get(0).getSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(state.baseline).isBetween(600.0, 1000.0);
  }

  @Test
  void judgesANewAccountAgainstItsTenantsPeers() {
    // 700 items in an hour: over the floor, but under 3x the tenant's typical 300 per hour.
    for (int i = 0; i < 35; i++) {
      alerts.addAll(
          rule.evaluate(
              state,
              mailBind(ALICE)
                  .items(20)
                  .tenantPeerItemsPerHour(300)
                  .at(MONDAY_8AM.plus(Duration.ofMinutes(i)))));
    }

    assertThat(alerts).isEmpty();
  }

  @Test
  void reportsExchangeThrottlingTheMailboxAsASignalOfItsOwn() {
    alerts.addAll(rule.evaluate(state, mailBind(ALICE).items(3).throttled().at(MONDAY_8AM)));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(io.stormwatch.schemas.avro.Severity.HIGH);
              assertThat(a.getSummary()).contains("IsThrottled");
              assertThat(a.getEvidence().getMailboxBlindSince()).isEqualTo(MONDAY_8AM);
              assertThat(a.getEvidence().getMailboxBlindUntil())
                  .isEqualTo(MONDAY_8AM.plus(Duration.ofHours(24)));
            });
  }

  @Test
  void revisesAnOpenBurstWhenExchangeStartsThrottling() {
    readSteadily(MONDAY_8AM, Duration.ofMinutes(20), 20, 30); // 600 items: fires
    int before = alerts.size();

    alerts.addAll(
        rule.evaluate(
            state,
            mailBind(ALICE).items(5).throttled().at(MONDAY_8AM.plus(Duration.ofMinutes(21)))));

    assertThat(alerts).hasSize(before + 1);
    assertThat(alerts.get(before).getAlertId()).isEqualTo(alerts.get(0).getAlertId());
    assertThat(alerts.get(before).getSummary()).contains("IsThrottled");
    assertThat(alerts.get(0).getEvidence().getMailboxBlindSince())
        .as("a burst Exchange still audits leaves the mailbox seen")
        .isNull();
    assertThat(alerts.get(before).getEvidence().getMailboxBlindSince())
        .isEqualTo(MONDAY_8AM.plus(Duration.ofMinutes(21)));
  }
}
