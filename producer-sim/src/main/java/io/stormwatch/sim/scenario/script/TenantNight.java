package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.scenario.stage.Stage;
import io.stormwatch.sim.world.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A night in a tenant's own time zone that the scenario day holds, with the morning after it: the
 * local date whose small hours and morning both fall inside the (UTC) scenario day.
 *
 * @param tenant the tenant
 * @param date the local date the night ends on
 */
record TenantNight(Tenant tenant, LocalDate date) {

  /** Earliest local time of the night a scenario uses. */
  static final LocalTime NIGHT_FROM = LocalTime.of(1, 0);

  /** The morning is over, and the tenant at work, by this local time. */
  static final LocalTime MORNING_UNTIL = LocalTime.of(9, 0);

  /**
   * The first night of {@code tenant} from {@link #NIGHT_FROM} to {@link #MORNING_UNTIL} local time
   * inside the scenario day.
   *
   * @throws IllegalStateException if no such night fits (never for the simulator's time zones)
   */
  static TenantNight of(Stage stage, Tenant tenant) {
    LocalDate first = stage.dayStart().atZone(tenant.zone()).toLocalDate().minusDays(1);
    for (LocalDate date = first; date.isBefore(first.plusDays(4)); date = date.plusDays(1)) {
      TenantNight night = new TenantNight(tenant, date);
      if (!night.at(NIGHT_FROM).isBefore(stage.dayStart())
          && !night.at(MORNING_UNTIL).isAfter(stage.dayEnd())) {
        return night;
      }
    }
    throw new IllegalStateException("the scenario day holds no night of " + tenant.name());
  }

  /** The instant of a local time on the night's date. */
  Instant at(LocalTime time) {
    return ZonedDateTime.of(date, time, tenant.zone()).toInstant();
  }

  /** The instant of a local time on the evening before the night. */
  Instant eveningBefore(LocalTime time) {
    return ZonedDateTime.of(date.minusDays(1), time, tenant.zone()).toInstant();
  }
}
