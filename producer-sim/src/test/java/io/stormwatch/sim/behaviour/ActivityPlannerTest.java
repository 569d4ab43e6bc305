package io.stormwatch.sim.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.PopulationMix;
import io.stormwatch.sim.world.User;
import io.stormwatch.sim.world.World;
import io.stormwatch.sim.world.WorldBuilder;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityPlannerTest {

  /** Monday 2026-03-09 00:00 UTC, a full week. */
  private static final Instant WEEK_START = Instant.parse("2026-03-09T00:00:00Z");

  private static final Instant WEEK_END = WEEK_START.plus(Duration.ofDays(7));

  private final World world =
      new WorldBuilder(NetworkCatalogue.standard())
          .build(42, 6, 40, new PopulationMix(0.1, 0.25, 0.3, 0.05));

  private final List<User> users = world.users().toList();

  @Test
  void weekdayWorkStartsWithinTenMinutesOfTheUsersLocalStartTime() {
    ActivityPlanner planner = new ActivityPlanner(WEEK_START, WEEK_END, 0.0, 0.0);
    int workdays = 0;
    for (User user : users) {
      for (ActivePeriod period : planner.plan(user).periods()) {
        ZonedDateTime local = period.start().atZone(user.zone());
        assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        if (period.startOfDay()) {
          LocalTime start = local.toLocalTime();
          assertThat(start)
              .isBetween(user.workStart().minusMinutes(10), user.workStart().plusMinutes(11));
          workdays++;
        }
      }
    }
    assertThat(workdays).isGreaterThan(users.size() * 4);
  }

  @Test
  void eveningAndWeekendChecksAreShortAndOnlyWhenAsked() {
    ActivityPlanner planner = new ActivityPlanner(WEEK_START, WEEK_END, 1.0, 1.0);
    for (User user : users.subList(0, 20)) {
      List<ActivePeriod> periods = planner.plan(user).periods();
      assertThat(periods)
          .filteredOn(p -> !p.startOfDay())
          .isNotEmpty()
          .allSatisfy(
              p ->
                  assertThat(Duration.between(p.start(), p.end()))
                      .isLessThanOrEqualTo(Duration.ofMinutes(40)));
      assertThat(periods)
          .filteredOn(p -> p.start().atZone(user.zone()).getDayOfWeek() == DayOfWeek.SATURDAY)
          .hasSize(1);
    }
  }

  @Test
  void aDaysWorkIsInteractiveFirstThenRefreshesInTheSameSession() {
    ActivityPlanner planner = new ActivityPlanner(WEEK_START, WEEK_END, 0.3, 0.15);
    for (User user : users) {
      for (ActivePeriod period : planner.plan(user).periods()) {
        List<TokenGrant> grants = period.grants();
        assertThat(grants.get(0).issuedAt()).isEqualTo(period.start());
        assertThat(grants.get(0).interactive()).isEqualTo(period.startOfDay());
        assertThat(grants.subList(1, grants.size())).noneMatch(TokenGrant::interactive);
      }
    }
  }

  @Test
  void tokensLiveSixtyToNinetyMinutesAndAreRefreshedBeforeTheyExpire() {
    ActivityPlanner planner = new ActivityPlanner(WEEK_START, WEEK_END, 0.3, 0.15);
    for (User user : users) {
      for (ActivePeriod period : planner.plan(user).periods()) {
        List<TokenGrant> grants = period.grants();
        for (int i = 0; i < grants.size(); i++) {
          TokenGrant grant = grants.get(i);
          assertThat(Duration.between(grant.issuedAt(), grant.expiresAt()).toMinutes())
              .isBetween(60L, 90L);
          if (i + 1 < grants.size()) {
            assertThat(grants.get(i + 1).issuedAt()).isBefore(grant.expiresAt());
            assertThat(grants.get(i + 1).issuedAt())
                .isAfter(grant.expiresAt().minus(Duration.ofMinutes(9)));
          } else {
            assertThat(grant.expiresAt()).isAfter(period.end().minus(Duration.ofMinutes(9)));
          }
        }
      }
    }
  }

  @Test
  void periodsAreClippedToTheWindowAndUsersAlreadyAtWorkRefreshEarlyInIt() {
    Instant start = Instant.parse("2026-03-10T12:00:00Z"); // noon in London: everyone is at work
    Instant end = start.plus(Duration.ofHours(3));
    ActivityPlanner planner = new ActivityPlanner(start, end, 0.3, 0.15);
    int londonersAtWork = 0;
    for (User user : users) {
      List<ActivePeriod> periods = planner.plan(user).periods();
      for (ActivePeriod period : periods) {
        assertThat(period.start()).isAfterOrEqualTo(start).isBefore(end);
        assertThat(period.end()).isAfter(period.start()).isBeforeOrEqualTo(end);
      }
      if (user.zone().getId().equals("Europe/London") && !periods.isEmpty()) {
        ActivePeriod first = periods.get(0);
        assertThat(first.start()).isBefore(start.plus(Duration.ofMinutes(10)).plusSeconds(1));
        assertThat(first.startOfDay()).isFalse();
        assertThat(first.grants().get(0).interactive()).isFalse();
        londonersAtWork++;
      }
    }
    assertThat(londonersAtWork).isGreaterThan(10);
  }

  @Test
  void aDayLooksTheSameWhateverWindowContainsIt() {
    ActivityPlanner week = new ActivityPlanner(WEEK_START, WEEK_END, 0.3, 0.15);
    ActivityPlanner tuesday =
        new ActivityPlanner(
            Instant.parse("2026-03-10T00:00:00Z"),
            Instant.parse("2026-03-10T12:00:00Z"),
            0.3,
            0.15);
    User londoner =
        users.stream()
            .filter(u -> u.zone().getId().equals("Europe/London"))
            .findFirst()
            .orElseThrow();

    List<ActivePeriod> fromWeek =
        week.plan(londoner).periods().stream()
            .filter(p -> p.start().isAfter(Instant.parse("2026-03-10T00:00:00Z")))
            .filter(p -> p.end().isBefore(Instant.parse("2026-03-10T12:00:00Z")))
            .toList();
    List<ActivePeriod> fromTuesday =
        tuesday.plan(londoner).periods().stream()
            .filter(p -> p.end().isBefore(Instant.parse("2026-03-10T12:00:00Z")))
            .toList();

    assertThat(fromTuesday).isEqualTo(fromWeek);
  }

  @Test
  void mobileUsersHaveNoFixedHomeAddress() {
    ActivityPlanner planner = new ActivityPlanner(WEEK_START, WEEK_END, 0.3, 0.15);
    for (User user : users) {
      for (ActivePeriod period : planner.plan(user).periods()) {
        if (user.client().isMobile()) {
          assertThat(period.homeIp()).isNull();
        } else {
          assertThat(user.homeIsp().contains(period.homeIp())).isTrue();
        }
      }
    }
  }
}
