package io.stormwatch.detector.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.rules.SignInFeedHealth;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInHistoryTest {

  /** A Tuesday. */
  private static final LocalDate DAY = LocalDate.of(2026, 3, 3);

  private static final long TWO_HOURS = Duration.ofHours(2).toMillis();

  private final SignInHistory history = new SignInHistory();

  @Test
  void tellsOnWhatShareOfComparableDaysTheTenantWasSilentAtSomeHours() {
    weekdaysBefore(DAY, 20, 9, 17);

    assertThat(history.silentShare(at(DAY, 10), at(DAY, 10))).isEqualTo(0.0);
    assertThat(history.silentShare(at(DAY, 2), at(DAY, 5))).isEqualTo(1.0);
    assertThat(history.silentShare(at(DAY, 17), at(DAY, 18))).isEqualTo(1.0);
  }

  @Test
  void weekendsAreComparedWithWeekends() {
    weekdaysBefore(DAY, 20, 9, 17);
    LocalDate saturday = DAY.plusDays(4);

    assertThat(history.silentShare(at(saturday, 10), at(saturday, 12))).isEqualTo(1.0);
  }

  @Test
  void theRhythmIsNotKnownBeforeFourComparableDaysWereSeen() {
    weekdaysBefore(DAY, 3, 9, 17);

    assertThat(history.silentShare(at(DAY, 10), at(DAY, 10))).isNull();
    assertThat(history.silentShare(at(DAY.plusDays(4), 10), at(DAY.plusDays(4), 10)))
        .isNull(); // no weekend seen yet
  }

  @Test
  void aSilenceAtHoursTheTenantIsOftenQuietAtIsHealthy() {
    weekdaysBefore(DAY, 20, 9, 15);
    // Someone works until four on three days in four: at 15:00 the tenant is mostly busy, but a
    // quiet hour then is nothing unusual.
    for (LocalDate d = DAY.minusDays(20); d.isBefore(DAY); d = d.plusDays(1)) {
      if (d.toEpochDay() % 4 != 0) {
        history.signIn(at(d, 15) + 900_000);
      }
    }
    long lastSignIn = at(DAY, 14) + 3_000_000;
    long use = at(DAY, 17);

    assertThat(history.judge(use - TWO_HOURS, use, lastSignIn, use, TWO_HOURS))
        .isEqualTo(SignInFeedHealth.HEALTHY);
  }

  @Test
  void aSilenceAtNightIsHealthy() {
    weekdaysBefore(DAY, 20, 9, 17);
    long evening = at(DAY.minusDays(1), 16);
    long morning = at(DAY, 9);
    history.silence(evening, morning);
    long use = at(DAY, 2);

    assertThat(history.judge(use - TWO_HOURS, use, morning, morning, TWO_HOURS))
        .isEqualTo(SignInFeedHealth.HEALTHY);
  }

  @Test
  void aSilenceAtHoursTheTenantUsuallySignsInIsAFailure() {
    weekdaysBefore(DAY, 20, 9, 17);
    long start = at(DAY, 10);
    long end = at(DAY, 13) + 300_000;
    history.silence(start, end);
    long afterwards = at(DAY, 14);

    assertThat(history.judge(afterwards - TWO_HOURS, afterwards, end, afterwards, TWO_HOURS))
        .isEqualTo(SignInFeedHealth.FAILED);
  }

  @Test
  void theHourInWhichTheFeedResumedIsNoFailure() {
    weekdaysBefore(DAY, 20, 9, 17);
    long evening = at(DAY.minusDays(1), 16);
    long morning = at(DAY, 9) + 1_500_000; // 09:25, an hour the tenant is usually busy
    history.silence(evening, morning);
    long use = at(DAY, 9) + 1_800_000;

    assertThat(history.judge(use - TWO_HOURS, use, morning, use, TWO_HOURS))
        .isEqualTo(SignInFeedHealth.HEALTHY);
  }

  @Test
  void aSilenceStillGoingOnIsJudgedUpToNow() {
    weekdaysBefore(DAY, 20, 9, 17);
    long lastSignIn = at(DAY, 9);
    long use = at(DAY, 12);

    assertThat(history.judge(use - TWO_HOURS, use, lastSignIn, use, TWO_HOURS))
        .isEqualTo(SignInFeedHealth.FAILED);
  }

  @Test
  void shortSilencesAreNotJudged() {
    weekdaysBefore(DAY, 20, 9, 17);
    long start = at(DAY, 10);
    history.silence(start, start + TWO_HOURS / 2);
    long use = at(DAY, 11);

    assertThat(history.judge(use - TWO_HOURS, use, use, use, TWO_HOURS))
        .isEqualTo(SignInFeedHealth.HEALTHY);
  }

  @Test
  void withoutHistoryAtTheSilencesHoursTheFeedIsNotKnown() {
    long signIn = at(DAY, 9);
    history.signIn(signIn);
    long use = at(DAY, 12);

    assertThat(history.judge(use - TWO_HOURS, use, signIn, use, TWO_HOURS))
        .isEqualTo(SignInFeedHealth.UNKNOWN);
    assertThat(new SignInHistory().judge(0, 1, Long.MIN_VALUE, 1, TWO_HOURS))
        .isEqualTo(SignInFeedHealth.UNKNOWN);
  }

  @Test
  void forgetsDaysOlderThanItKeeps() {
    for (LocalDate d = DAY.minusDays(90); d.isBefore(DAY.minusDays(64)); d = d.plusDays(1)) {
      history.signIn(at(d, 10));
    }
    history.signIn(at(DAY, 3)); // 65 days later: every day remembered is gone

    assertThat(history.silentShare(at(DAY, 10), at(DAY, 10))).isEqualTo(1.0);
  }

  @Test
  void decodesWhatItEncodes() {
    weekdaysBefore(DAY, 20, 9, 17);
    history.silence(at(DAY, 10), at(DAY, 13));
    long use = at(DAY, 14);

    SignInHistory copy = SignInHistory.CODEC.decode(SignInHistory.CODEC.encode(history));

    assertThat(SignInHistory.CODEC.encode(copy)).isEqualTo(SignInHistory.CODEC.encode(history));
    assertThat(copy.judge(use - TWO_HOURS, use, use, use, TWO_HOURS))
        .isEqualTo(SignInFeedHealth.FAILED);
  }

  @Test
  void knowsWeekendDays() {
    for (int i = 0; i < 7; i++) {
      LocalDate day = DAY.plusDays(i);
      boolean weekend =
          day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      assertThat(SignInHistory.weekend(day.toEpochDay())).as("%s", day).isEqualTo(weekend);
    }
  }

  /**
   * Sign-ins every working hour, {@code fromHour} to {@code toHour} UTC, on the weekdays before.
   */
  private void weekdaysBefore(LocalDate day, int days, int fromHour, int toHour) {
    for (LocalDate d = day.minusDays(days); d.isBefore(day); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      for (int hour = fromHour; hour < toHour; hour++) {
        history.signIn(at(d, hour) + 600_000);
      }
    }
  }

  private static long at(LocalDate day, int hour) {
    return Instant.from(day.atTime(hour, 0).atOffset(ZoneOffset.UTC)).toEpochMilli();
  }
}
