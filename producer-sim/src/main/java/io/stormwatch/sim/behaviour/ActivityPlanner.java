package io.stormwatch.sim.behaviour;

import io.stormwatch.sim.random.Draw;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.random.Seeds;
import io.stormwatch.sim.random.StreamLabel;
import io.stormwatch.sim.world.User;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans when each user is active and which tokens Entra issues them.
 *
 * <p>Each local day is drawn from its own stream (user seed, day), so a day looks the same whatever
 * window the simulation covers. Weekdays have a working period inside the user's hours and
 * sometimes an evening check; weekends sometimes a short check. Tokens live 60–90 minutes and the
 * client redeems its refresh token a few minutes before expiry, in the same session and from the
 * same network.
 */
public final class ActivityPlanner {

  /** Probability that a user takes a weekday off. */
  static final double DAY_OFF_PROBABILITY = 0.03;

  static final Duration TOKEN_MIN_LIFETIME = Duration.ofMinutes(60);
  static final Duration TOKEN_MAX_LIFETIME = Duration.ofMinutes(90);
  private static final Duration REFRESH_MIN_LEAD = Duration.ofMinutes(2);
  private static final Duration REFRESH_MAX_LEAD = Duration.ofMinutes(8);
  private static final Duration LATE_JOIN_MAX_DELAY = Duration.ofMinutes(10);

  private final Instant windowStart;
  private final Instant windowEnd;
  private final double eveningShare;
  private final double weekendShare;

  /**
   * @param windowStart first instant of the simulated period
   * @param windowEnd end of the simulated period, exclusive
   * @param eveningShare probability that a user checks mail on a weekday evening
   * @param weekendShare probability that a user checks mail on a weekend day
   */
  public ActivityPlanner(
      Instant windowStart, Instant windowEnd, double eveningShare, double weekendShare) {
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.eveningShare = eveningShare;
    this.weekendShare = weekendShare;
  }

  public UserPlan plan(User user) {
    List<ActivePeriod> periods = new ArrayList<>();
    LocalDate day = windowStart.atZone(user.zone()).toLocalDate().minusDays(1);
    LocalDate lastDay = windowEnd.atZone(user.zone()).toLocalDate();
    for (; !day.isAfter(lastDay); day = day.plusDays(1)) {
      planDay(user, day, periods);
    }
    return new UserPlan(user, periods);
  }

  private void planDay(User user, LocalDate day, List<ActivePeriod> out) {
    SplittableRandom rng = Seeds.stream(user.seed(), StreamLabel.DAY, day.toEpochDay());
    Id128 sessionId = Id128.randomGuid(rng);
    String homeIp = user.homeIsp().randomAddress(rng);
    List<Instant[]> raw = rawPeriods(user, day, rng);
    boolean first = true;
    for (Instant[] period : raw) {
      // Drawn for every period, clipped or not, so clipping one period leaves the rest unchanged.
      long lateJoinSeconds = rng.nextLong(LATE_JOIN_MAX_DELAY.toSeconds() + 1);
      long subSecondNanos = 100L * rng.nextInt(10_000_000);
      boolean clipped = period[0].isBefore(windowStart);
      Instant end = period[1].isAfter(windowEnd) ? windowEnd : period[1];
      Instant start =
          (clipped ? windowStart.plusSeconds(lateJoinSeconds) : period[0])
              .plusNanos(subSecondNanos);
      boolean openingInteractive = first && !clipped;
      first = false;
      if (!start.isBefore(end) || !period[1].isAfter(windowStart)) {
        continue;
      }
      List<TokenGrant> grants = grants(rng, start, end, openingInteractive);
      out.add(
          new ActivePeriod(
              sessionId,
              user.client().isMobile() ? null : homeIp,
              start,
              end,
              openingInteractive,
              grants));
    }
  }

  /** A day's periods as [start, end) pairs in local habits, before clipping to the window. */
  private List<Instant[]> rawPeriods(User user, LocalDate day, SplittableRandom rng) {
    List<Instant[]> periods = new ArrayList<>(2);
    boolean weekend =
        day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    // Every draw happens in the same order whatever the outcome, so one habit never shifts another.
    boolean dayOff = Draw.chance(rng, DAY_OFF_PROBABILITY);
    int startJitterMinutes = Draw.between(rng, -10, 10);
    int lengthJitterMinutes = Draw.between(rng, -15, 15);
    boolean evening = Draw.chance(rng, eveningShare);
    int eveningStartMinutes = Draw.between(rng, 0, 150);
    int eveningLengthMinutes = Draw.between(rng, 10, 40);
    boolean weekendCheck = Draw.chance(rng, weekendShare);
    int weekendStartMinutes = Draw.between(rng, 0, 480);
    int weekendLengthMinutes = Draw.between(rng, 10, 30);

    if (!weekend) {
      if (!dayOff) {
        ZonedDateTime start =
            day.atTime(user.workStart()).plusMinutes(startJitterMinutes).atZone(user.zone());
        ZonedDateTime end = start.plus(user.workLength()).plusMinutes(lengthJitterMinutes);
        periods.add(new Instant[] {start.toInstant(), end.toInstant()});
      }
      if (evening) {
        ZonedDateTime start =
            day.atTime(LocalTime.of(19, 0)).plusMinutes(eveningStartMinutes).atZone(user.zone());
        periods.add(
            new Instant[] {start.toInstant(), start.plusMinutes(eveningLengthMinutes).toInstant()});
      }
    } else if (weekendCheck) {
      ZonedDateTime start =
          day.atTime(LocalTime.of(10, 0)).plusMinutes(weekendStartMinutes).atZone(user.zone());
      periods.add(
          new Instant[] {start.toInstant(), start.plusMinutes(weekendLengthMinutes).toInstant()});
    }
    return periods;
  }

  private static List<TokenGrant> grants(
      SplittableRandom rng, Instant start, Instant end, boolean openingInteractive) {
    List<TokenGrant> grants = new ArrayList<>();
    Instant issued = start;
    boolean interactive = openingInteractive;
    while (true) {
      Duration lifetime = Draw.between(rng, TOKEN_MIN_LIFETIME, TOKEN_MAX_LIFETIME);
      grants.add(
          new TokenGrant(
              Id128.randomBytes(rng),
              Id128.randomGuid(rng),
              Id128.randomGuid(rng),
              issued,
              issued.plus(lifetime),
              interactive));
      Duration lead = Draw.between(rng, REFRESH_MIN_LEAD, REFRESH_MAX_LEAD);
      Instant next =
          issued
              .plus(lifetime)
              .minus(lead)
              .truncatedTo(ChronoUnit.SECONDS)
              .plusNanos(100L * rng.nextInt(10_000_000));
      if (!next.isBefore(end)) {
        return grants;
      }
      issued = next;
      interactive = false;
    }
  }
}
