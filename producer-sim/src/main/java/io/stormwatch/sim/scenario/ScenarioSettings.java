package io.stormwatch.sim.scenario;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything a scenario run depends on; the same settings always produce byte-identical records.
 *
 * @param seed root of every random choice
 * @param set which scenarios to play
 * @param day the UTC day the scenarios play on, a Tuesday to Thursday so that every tenant has a
 *     working day around it; default {@link #DEFAULT_DAY}
 * @param historyDays days of sparse history before {@code day}, so rules that learn per account
 *     (new client after 14 days, volume baselines, known networks) have something to learn from;
 *     default {@value #DEFAULT_HISTORY_DAYS}
 */
public record ScenarioSettings(long seed, ScenarioSet set, LocalDate day, int historyDays) {

  /** A Tuesday: the day before it and the one after it are working days everywhere. */
  public static final LocalDate DEFAULT_DAY = LocalDate.of(2026, 3, 3);

  /** Three weeks: the returning user has a week of history before two weeks of leave. */
  public static final int DEFAULT_HISTORY_DAYS = 21;

  /** The returning user is away for this many days before the scenario day. */
  public static final int LEAVE_DAYS = 14;

  /**
   * @throws IllegalArgumentException if the day is a Monday, Friday or weekend day, or the history
   *     is shorter than {@value #LEAVE_DAYS} + 5 days (the returning user needs a working week
   *     before the leave)
   */
  public ScenarioSettings {
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(day, "day");
    DayOfWeek weekday = day.getDayOfWeek();
    if (weekday == DayOfWeek.MONDAY
        || weekday == DayOfWeek.FRIDAY
        || weekday == DayOfWeek.SATURDAY
        || weekday == DayOfWeek.SUNDAY) {
      throw new IllegalArgumentException(
          "the scenario day must be a Tuesday, Wednesday or Thursday, was " + day + " " + weekday);
    }
    if (historyDays < LEAVE_DAYS + 5 || historyDays > 60) {
      throw new IllegalArgumentException(
          "historyDays must be " + (LEAVE_DAYS + 5) + "..60, was " + historyDays);
    }
  }

  /** Default day and history for a seed and a set. */
  public static ScenarioSettings of(long seed, ScenarioSet set) {
    return new ScenarioSettings(seed, set, DEFAULT_DAY, DEFAULT_HISTORY_DAYS);
  }
}
