package io.stormwatch.cli.options;

import io.stormwatch.sim.SimulationSettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
              + " before today).")
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
    return start != null ? start : defaultStart(LocalDate.now(ZoneOffset.UTC));
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

  /** 06:00 UTC of the latest Monday-to-Friday before {@code today}: a working day everywhere. */
  public static Instant defaultStart(LocalDate today) {
    LocalDate day = today.minusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.minusDays(1);
    }
    return day.atTime(6, 0).toInstant(ZoneOffset.UTC);
  }
}
