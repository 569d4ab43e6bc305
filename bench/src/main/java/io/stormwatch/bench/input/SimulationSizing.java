package io.stormwatch.bench.input;

import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.sim.event.SimEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;

/**
 * Chooses how much simulated time yields a wanted number of records for a given population.
 *
 * <p>The simulator is driven by time, not by a record count, and how many records a user produces
 * per hour depends on the hour. So the sizing guesses a duration, walks the events (cheap: no JSON
 * is written) until the wanted count, and returns settings that end just after that record. The
 * caller then reads exactly the wanted number of records from a simulator with those settings;
 * attacks are placed inside that span, after the simulator's usual warm-up.
 */
public final class SimulationSizing {

  /** Only the first guess; the count pass measures the real rate. */
  static final double FIRST_GUESS_RECORDS_PER_ACCOUNT_HOUR = 8.0;

  static final Duration MIN_DURATION = Duration.ofMinutes(10);
  static final Duration MAX_DURATION = Duration.ofDays(31);
  private static final int MAX_ATTEMPTS = 8;
  private static final Duration WEEK = Duration.ofDays(7);

  private SimulationSizing() {}

  /**
   * Settings for {@code tenants × usersPerTenant} accounts whose first {@code records} records all
   * fall inside the simulated period.
   *
   * @throws IllegalArgumentException if the population cannot produce that many records within the
   *     simulator's longest period
   */
  public static SimulationSettings settingsFor(
      int tenants, int usersPerTenant, long records, long seed, Instant start) {
    SimulationSettings.Builder base =
        SimulationSettings.builder(start)
            .seed(seed)
            .tenants(tenants)
            .usersPerTenant(usersPerTenant);
    long accounts = (long) tenants * usersPerTenant;
    Duration guess = firstGuess(records, accounts);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant last = timeOfRecord(new TenantSimulator(base.duration(guess).build()), records);
      if (last != null) {
        return base.duration(justAfter(start, last)).build();
      }
      if (guess.equals(MAX_DURATION)) {
        break;
      }
      guess = min(guess.multipliedBy(2), MAX_DURATION);
    }
    throw new IllegalArgumentException(
        String.format(
            "%,d accounts do not produce %,d records within %d days of simulated time;"
                + " ask for fewer events or more accounts",
            accounts, records, MAX_DURATION.toDays()));
  }

  /**
   * Like {@link #settingsFor}, but the period ends by {@code now}: the broker refuses records
   * timestamped more than an hour ahead of its clock ({@code message.timestamp.after.max.ms}), and
   * a few accounts need many days to produce many records. A period that would end later starts
   * earlier by whole weeks, so that it still starts on the same weekday and hour, and is sized
   * again.
   */
  public static SimulationSettings settingsEndingBy(
      int tenants, int usersPerTenant, long records, long seed, Instant start, Instant now) {
    Instant from = start;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      SimulationSettings settings = settingsFor(tenants, usersPerTenant, records, seed, from);
      Instant end = settings.end();
      if (!end.isAfter(now)) {
        return settings;
      }
      long weeks = -Math.floorDiv(-Duration.between(now, end).toMillis(), WEEK.toMillis());
      from = from.minus(WEEK.multipliedBy(weeks));
    }
    throw new IllegalStateException(
        "no simulated period of " + records + " records ends by " + now);
  }

  /** Half as long again as the rough rate suggests, so that one count pass usually suffices. */
  static Duration firstGuess(long records, long accounts) {
    double hours = records / (accounts * FIRST_GUESS_RECORDS_PER_ACCOUNT_HOUR) * 1.5;
    Duration guess = Duration.ofSeconds((long) Math.ceil(hours * 3600));
    return min(max(guess, MIN_DURATION), MAX_DURATION);
  }

  /** A period ending at the next whole minute after {@code last}, plus one minute of margin. */
  static Duration justAfter(Instant start, Instant last) {
    long minutes = Duration.between(start, last).toMinutes() + 2;
    return min(max(Duration.ofMinutes(minutes), Duration.ofMinutes(1)), MAX_DURATION);
  }

  /** Event time of the {@code n}-th record, or null when the simulation has fewer. */
  private static Instant timeOfRecord(TenantSimulator simulator, long n) {
    long seen = 0;
    for (Iterator<SimEvent> events = simulator.events(); events.hasNext(); ) {
      SimEvent event = events.next();
      if (++seen == n) {
        return event.time();
      }
    }
    return null;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
