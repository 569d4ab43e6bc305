package io.stormwatch.cli.options;

import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.WorkingDays;
import io.stormwatch.sim.truth.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which simulated tenants to run: the same options give the same tenants in every command. */
public final class SimulationOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Simulator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--tenants",
      defaultValue = "5",
      description = "Simulated tenants (default: ${DEFAULT-VALUE}).")
  int tenants;

  @Option(
      names = "--users-per-tenant",
      defaultValue = "30",
      description = "Users per tenant (default: ${DEFAULT-VALUE}).")
  int usersPerTenant;

  @Option(
      names = "--hours",
      defaultValue = "8",
      description = "Hours of simulated activity (default: ${DEFAULT-VALUE}).")
  int hours;

  @Option(
      names = "--start",
      description =
          "Start of the simulated activity, ISO-8601 (default: 06:00 UTC of the latest weekday"
              + " before today, or an earlier one if --hours would run past now).")
  Instant start;

  /**
   * The validated simulation settings.
   *
   * @throws ParameterException (a usage error, exit code 2) saying what to change
   */
  public SimulationSettings settings() {
    try {
      return SimulationSettings.builder(start())
          .seed(seed)
          .tenants(tenants)
          .usersPerTenant(usersPerTenant)
          .duration(Duration.ofHours(hours))
          .build();
    } catch (IllegalArgumentException bad) {
      throw new ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
  }

  /** {@code --start}, or its default. */
  public Instant start() {
    return start != null ? start : defaultStart(Instant.now(), Duration.ofHours(hours));
  }

  /**
   * Stops a run whose simulated window leaves no room for any requested attack: its scoreboard
   * would show nothing detected and nothing missed, which reads like success.
   *
   * @throws ParameterException (a usage error) naming {@code --start} and {@code --hours}, with the
   *     simulator's reason
   */
  public void requireRoomForAttacks(GroundTruth truth) {
    if (!truth.attacks().isEmpty() || truth.unplaced().isEmpty()) {
      return;
    }
    Instant start = start();
    throw new ParameterException(
        spec.commandLine(),
        String.format(
            Locale.ROOT,
            "--start %s (a %s) with --hours %d leaves no room for any of the %d requested attacks:"
                + " %s. Simulated users work Monday to Friday: choose a weekday --start (the"
                + " default is 06:00 UTC of the latest weekday before today) or more --hours.",
            start,
            start
                .atZone(ZoneOffset.UTC)
                .getDayOfWeek()
                .getDisplayName(TextStyle.FULL, Locale.ENGLISH),
            hours,
            truth.unplaced().size(),
            truth.unplaced().get(0).reason()));
  }

  /** One line per requested attack the simulated window had no room for. */
  public static List<String> unplacedAttackLines(GroundTruth truth) {
    return truth.unplaced().stream()
        .map(a -> "attack " + a.id() + " not placed: " + a.reason())
        .toList();
  }

  /** One line for people: seed, tenants, users, hours and start. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "seed %d, %d tenants x %d users, %d h of activity from %s",
        seed,
        tenants,
        usersPerTenant,
        hours,
        start());
  }

  /**
   * {@link #defaultStart(LocalDate)} of today, or of an earlier working day if activity of {@code
   * length} from it would reach past {@code now}: records from the future are dead-lettered by the
   * detector, so a long simulation ends before now.
   */
  public static Instant defaultStart(Instant now, Duration length) {
    Instant start = defaultStart(LocalDate.ofInstant(now, ZoneOffset.UTC));
    while (start.plus(length).isAfter(now)) {
      start = defaultStart(LocalDate.ofInstant(start, ZoneOffset.UTC));
    }
    return start;
  }

  /** 06:00 UTC of the latest Monday-to-Friday before {@code today}: a working day everywhere. */
  public static Instant defaultStart(LocalDate today) {
    return WorkingDays.latestBefore(today, LocalTime.of(6, 0));
  }
}
