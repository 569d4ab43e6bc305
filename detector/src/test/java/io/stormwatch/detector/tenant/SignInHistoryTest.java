package io.stormwatch.detector.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.tenant.SignInHistory.Verdict;
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
  void anHourIsUsualWhenMostComparableDaysHadSignInsInIt() {
    weekdaysBefore(DAY, 20, 9, 17);

    assertThat(history.usualSignInHour(at(DAY, 10))).isTrue();
    assertThat(history.usualSignInHour(at(DAY, 3))).isFalse();
    assertThat(history.usualSignInHour(at(DAY, 17))).isFalse();
  }

  @Test
  void weekendsAreComparedWithWeekends() {
    weekdaysBefore(DAY, 20, 9, 17);
    LocalDate saturday = DAY.plusDays(4);

    assertThat(history.usualSignInHour(at(saturday, 10))).isFalse();
  }

  @Test
  void anHourIsNotKnownBeforeFourComparableDaysWereSeen() {
    weekdaysBefore(DAY, 3, 9, 17);

    assertThat(history.usualSignInHour(at(DAY, 10))).isNull();
    assertThat(history.usualSignInHour(at(DAY.plusDays(4), 10))).isNull(); // no weekend yet
  }

  @Test
  void aSilenceAtNightIsHealthy() {
    weekdaysBefore(DAY, 20, 9, 17);
    long evening = at(DAY.minusDays(1), 16);
    long morning = at(DAY, 9);
    history.silence(evening, morning);
    long use = at(DAY, 2);

    assertThat(history.judge(use - TWO_HOURS, use, morning, morning, TWO_HOURS))
        .isEqualTo(Verdict.HEALTHY);
  }

  @Test
  void aSilenceAtHoursTheTenantUsuallySignsInIsAFailure() {
    weekdaysBefore(DAY, 20, 9, 17);
    long start = at(DAY, 10);
    long end = at(DAY, 13) + 300_000;
    history.silence(start, end);
    long afterwards = at(DAY, 14);

    assertThat(history.judge(afterwards - TWO_HOURS, afterwards, end, afterwards, TWO_HOURS))
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void theHourInWhichTheFeedResumedIsNoFailure() {
    weekdaysBefore(DAY, 20, 9, 17);
    long evening = at(DAY.minusDays(1), 16);
    long morning = at(DAY, 9) + 1_500_000; // 09:25, an hour the tenant is usually busy
    history.silence(evening, morning);
    long use = at(DAY, 9) + 1_800_000;

    assertThat(history.judge(use - TWO_HOURS, use, morning, use, TWO_HOURS))
        .isEqualTo(Verdict.HEALTHY);
  }

  @Test
  void aSilenceStillGoingOnIsJudgedUpToNow() {
    weekdaysBefore(DAY, 20, 9, 17);
    long lastSignIn = at(DAY, 9);
    long use = at(DAY, 12);

    assertThat(history.judge(use - TWO_HOURS, use, lastSignIn, use, TWO_HOURS))
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void shortSilencesAreNotJudged() {
    weekdaysBefore(DAY, 20, 9, 17);
    long start = at(DAY, 10);
    history.silence(start, start + TWO_HOURS / 2);
    long use = at(DAY, 11);

    assertThat(history.judge(use - TWO_HOURS, use, use, use, TWO_HOURS)).isEqualTo(Verdict.HEALTHY);
  }

  @Test
  void withoutHistoryAtTheSilencesHoursTheFeedIsNotKnown() {
    long signIn = at(DAY, 9);
    history.signIn(signIn);
    long use = at(DAY, 12);

    assertThat(history.judge(use - TWO_HOURS, use, signIn, use, TWO_HOURS))
        .isEqualTo(Verdict.UNKNOWN);
    assertThat(new SignInHistory().judge(0, 1, Long.MIN_VALUE, 1, TWO_HOURS))
        .isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void forgetsDaysOlderThanItKeeps() {
    for (LocalDate d = DAY.minusDays(90); d.isBefore(DAY.minusDays(64)); d = d.plusDays(1)) {
      history.signIn(at(d, 10));
    }
    history.signIn(at(DAY, 3)); // 65 days later: every day remembered is gone

    assertThat(history.usualSignInHour(at(DAY, 10))).isFalse();
  }

  @Test
  void decodesWhatItEncodes() {
    weekdaysBefore(DAY, 20, 9, 17);
    history.silence(at(DAY, 10), at(DAY, 13));
    long use = at(DAY, 14);

    SignInHistory copy = SignInHistory.decode(history.encode());

    assertThat(copy.encode()).isEqualTo(history.encode());
    assertThat(copy.judge(use - TWO_HOURS, use, use, use, TWO_HOURS)).isEqualTo(Verdict.FAILED);
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
