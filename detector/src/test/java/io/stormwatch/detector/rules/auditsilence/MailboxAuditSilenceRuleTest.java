package io.stormwatch.detector.rules.auditsilence;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.mailBind;
import static io.stormwatch.detector.testing.Events.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailboxAuditSilenceRuleTest {

  /** Defaults: 5 audited days, 2 silent days of 4 hours' mail use. */
  private final MailboxAuditSilenceRule rule =
      new MailboxAuditSilenceRule(MailboxAuditSilenceSettings.of(Map.of()));

  private static final String GRAPH = "00000003-0000-0000-c000-000000000000";

  /** A Monday. */
  private static final LocalDate WEEK = LocalDate.parse("2026-03-02");

  private final MailboxAuditSilenceState state = rule.newState();
  private final List<Alert> alerts = new ArrayList<>();

  @Test
  void firesWhenTheMailboxGoesSilentWhileItsOwnerKeepsUsingMail() {
    Instant lastRead = readingWeek();

    mailDay(WEEK.plusDays(7), MailboxAuditSilenceRule.EXCHANGE_ONLINE);
    assertThat(alerts).isEmpty();
    mailDay(WEEK.plusDays(8), MailboxAuditSilenceRule.EXCHANGE_ONLINE);

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0);
    assertThat(alert.getRuleId()).isEqualTo("mailbox-audit-silence");
    assertThat(alert.getSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.getAttackTechniques()).containsExactly("T1562.008");
    assertThat(alert.getAccountId()).isEqualTo(ALICE);
    assertThat(alert.getFirstEventTime()).isEqualTo(lastRead);
    assertThat(alert.getLastEventTime()).isEqualTo(at(WEEK.plusDays(8), 11));
    assertThat(alert.getEvidence().getMailboxBlindSince()).isEqualTo(lastRead);
    assertThat(alert.getEvidence().getThreshold()).isEqualTo(2.0);
    assertThat(alert.getEvidence().getEventCount()).isEqualTo(9 + 4);
    assertThat(alert.getSummary()).contains(ALICE).contains("on 2 days").contains("5 days");
  }

  @Test
  void everyFurtherDayOfSilenceRevisesTheOneAlert() {
    readingWeek();

    for (int day = 7; day <= 9; day++) {
      mailDay(WEEK.plusDays(day), MailboxAuditSilenceRule.EXCHANGE_ONLINE);
    }

    assertThat(alerts).extracting(Alert::getRevision).containsExactly(1, 2);
    assertThat(alerts).extracting(Alert::getAlertId).containsOnly(alerts.get(0).getAlertId());
  }

  @Test
  void staysQuietOnOneDayOfMailUseWithoutARead() {
    readingWeek();

    mailDay(WEEK.plusDays(7), MailboxAuditSilenceRule.EXCHANGE_ONLINE);
    workday(WEEK.plusDays(8)); // reads again
    mailDay(WEEK.plusDays(9), MailboxAuditSilenceRule.EXCHANGE_ONLINE);

    assertThat(alerts).isEmpty();
  }

  @Test
  void aSignInMinutesBeforeTheMorningsFirstReadIsNoSilence() {
    for (int day = 0; day < 28; day++) {
      workday(WEEK.plusDays(day));
    }

    assertThat(alerts).isEmpty();
    assertThat(state.auditedDays).isEqualTo(28);
  }

  @Test
  void needsReadsAuditedOnFiveDaysFirst() {
    for (int day = 0; day < 4; day++) {
      workday(WEEK.plusDays(day));
    }

    for (int day = 7; day <= 10; day++) {
      mailDay(WEEK.plusDays(day), MailboxAuditSilenceRule.EXCHANGE_ONLINE);
    }

    assertThat(alerts).isEmpty();
  }

  @Test
  void signInsToOtherResourcesAreNotMailUse() {
    readingWeek();

    for (int day = 7; day <= 10; day++) {
      mailDay(WEEK.plusDays(day), GRAPH);
    }

    assertThat(alerts).isEmpty();
  }

  @Test
  void theDayAfterAThrottledRecordDoesNotCountWhileExchangeAuditsNoBinds() {
    readingWeek();
    // Friday evening's heavy reading is throttled: no binds audited until Saturday evening.
    feed(mailBind(ALICE).items(20).throttled().at(at(WEEK.plusDays(4), 20)));
    mailDay(WEEK.plusDays(5), MailboxAuditSilenceRule.EXCHANGE_ONLINE);
    mailDay(WEEK.plusDays(6), MailboxAuditSilenceRule.EXCHANGE_ONLINE);
    assertThat(alerts).isEmpty();

    mailDay(WEEK.plusDays(7), MailboxAuditSilenceRule.EXCHANGE_ONLINE);
    assertThat(alerts).hasSize(1);
  }

  @Test
  void readingSomeoneElsesMailboxDoesNotEndTheSilenceOfOnesOwn() {
    readingWeek();

    for (int day = 7; day <= 8; day++) {
      mailDay(WEEK.plusDays(day), MailboxAuditSilenceRule.EXCHANGE_ONLINE);
      feed(mailBind(ALICE).mailboxOf(BOB).items(3).at(at(WEEK.plusDays(day), 9).plusSeconds(60)));
    }

    assertThat(alerts).hasSize(1);
  }

  @Test
  void failedSignInsAreNotMailUse() {
    readingWeek();

    for (int day = 7; day <= 9; day++) {
      for (int hour = 8; hour <= 16; hour++) {
        feed(
            signIn(ALICE)
                .resource(MailboxAuditSilenceRule.EXCHANGE_ONLINE)
                .succeeded(false)
                .at(at(WEEK.plusDays(day), hour)));
      }
    }

    assertThat(alerts).isEmpty();
  }

  @Test
  void stateSurvivesItsCodec() {
    readingWeek();
    mailDay(WEEK.plusDays(7), MailboxAuditSilenceRule.EXCHANGE_ONLINE);

    MailboxAuditSilenceState copy = rule.codec().decode(rule.codec().encode(state));

    assertThat(rule.codec().encode(copy)).isEqualTo(rule.codec().encode(state));
    assertThat(copy.silentDays).isEqualTo(1);
    assertThat(rule.isEmpty(copy)).isFalse();
    assertThat(rule.isEmpty(rule.newState())).isTrue();
  }

  /** Monday to Friday of the first week, read as usual; returns the time of the last read. */
  private Instant readingWeek() {
    Instant last = null;
    for (int day = 0; day < 5; day++) {
      last = workday(WEEK.plusDays(day));
    }
    return last;
  }

  /** A working day: a sign-in at 08:00, reads a minute later, refreshes hourly until 16:00. */
  private Instant workday(LocalDate day) {
    feed(signIn(ALICE).resource(MailboxAuditSilenceRule.EXCHANGE_ONLINE).at(at(day, 8)));
    Instant read = at(day, 8).plusSeconds(60);
    feed(mailBind(ALICE).items(6).at(read));
    for (int hour = 9; hour <= 16; hour++) {
      feed(signIn(ALICE).resource(MailboxAuditSilenceRule.EXCHANGE_ONLINE).at(at(day, hour)));
    }
    return read;
  }

  /** A day of sign-ins to {@code resource} from 08:00 to 16:00, hourly, and nothing read. */
  private void mailDay(LocalDate day, String resource) {
    for (int hour = 8; hour <= 16; hour++) {
      feed(signIn(ALICE).resource(resource).at(at(day, hour)));
    }
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(hour));
  }

  private void feed(AuditEvent event) {
    alerts.addAll(rule.evaluate(state, event));
  }
}
