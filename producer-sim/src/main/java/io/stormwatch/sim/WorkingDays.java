package io.stormwatch.sim;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The simulated working week: users work Monday to Friday, so a simulated window that starts on a
 * weekend holds little activity and no room for attacks.
 */
public final class WorkingDays {

  private WorkingDays() {}

  /** {@code time} UTC of the latest Monday-to-Friday before {@code today}. */
  public static Instant latestBefore(LocalDate today, LocalTime time) {
    LocalDate day = today.minusDays(1);
    while (isWeekend(day)) {
      day = day.minusDays(1);
    }
    return day.atTime(time).toInstant(ZoneOffset.UTC);
  }

  /** Whether {@code day} is a Saturday or a Sunday. */
  public static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
