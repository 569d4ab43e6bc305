package io.stormwatch.sim;

import io.stormwatch.sim.attack.AttackPlanner;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.PopulationMix;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a simulation run depends on; the same settings always produce byte-identical output.
 *
 * @param seed root of every random choice; default {@value #DEFAULT_SEED}
 * @param tenants number of tenants; default {@value #DEFAULT_TENANTS}
 * @param usersPerTenant users in each tenant; default {@value #DEFAULT_USERS_PER_TENANT}
 * @param start first instant of the simulated period; no default, the caller chooses it
 * @param duration length of the simulated period; default 8 hours
 * @param attackTypes attack types to inject, among {@link AttackPlanner#ATTACKS}; default all of
 *     them
 * @param attacksPerType attacks of each type per tenant; default {@value #DEFAULT_ATTACKS_PER_TYPE}
 * @param attackWarmUp attack-free time at the start, for detectors to learn a baseline; default 2
 *     hours, or a quarter of the duration when that is shorter
 * @param population shares of heavy readers, mobile and OWA users and users living abroad; default
 *     10 % heavy readers, 25 % mobile, 30 % OWA (the rest Outlook desktop), 5 % abroad
 * @param eveningShare probability that a user checks mail on a weekday evening; default 0.3
 * @param weekendShare probability that a user checks mail on a weekend day; default 0.15
 * @param sliceLength event time generated, sorted and emitted at once; bounds memory; default 10
 *     minutes
 */
public record SimulationSettings(
    long seed,
    int tenants,
    int usersPerTenant,
    Instant start,
    Duration duration,
    Set<ScenarioType> attackTypes,
    int attacksPerType,
    Duration attackWarmUp,
    PopulationMix population,
    double eveningShare,
    double weekendShare,
    Duration sliceLength) {

  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_TENANTS = 5;
  public static final int DEFAULT_USERS_PER_TENANT = 30;
  public static final Duration DEFAULT_DURATION = Duration.ofHours(8);
  public static final int DEFAULT_ATTACKS_PER_TYPE = 1;
  public static final Duration DEFAULT_ATTACK_WARM_UP = Duration.ofHours(2);
  public static final PopulationMix DEFAULT_POPULATION = new PopulationMix(0.10, 0.25, 0.30, 0.05);
  public static final double DEFAULT_EVENING_SHARE = 0.30;
  public static final double DEFAULT_WEEKEND_SHARE = 0.15;
  public static final Duration DEFAULT_SLICE_LENGTH = Duration.ofMinutes(10);

  static final int MAX_TENANTS = 100_000;
  static final int MAX_USERS_PER_TENANT = 1_000_000;
  static final Duration MAX_DURATION = Duration.ofDays(31);

  /**
   * @throws IllegalArgumentException if a value is out of range; the message says which and why
   * @throws NullPointerException if start, duration, attackTypes, attackWarmUp, population or
   *     sliceLength is null
   */
  public SimulationSettings {
    Objects.requireNonNull(start, "start is required: the caller chooses the simulated period");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(attackTypes, "attackTypes (use an empty set for no attacks)");
    Objects.requireNonNull(attackWarmUp, "attackWarmUp");
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(sliceLength, "sliceLength");
    require(
        tenants >= 1 && tenants <= MAX_TENANTS,
        "tenants must be 1.." + MAX_TENANTS + ", was " + tenants);
    require(
        usersPerTenant >= 1 && usersPerTenant <= MAX_USERS_PER_TENANT,
        "usersPerTenant must be 1.." + MAX_USERS_PER_TENANT + ", was " + usersPerTenant);
    require(
        !duration.isNegative() && !duration.isZero() && duration.compareTo(MAX_DURATION) <= 0,
        "duration must be positive and at most " + MAX_DURATION + ", was " + duration);
    require(attacksPerType >= 0, "attacksPerType must not be negative, was " + attacksPerType);
    require(
        !attackWarmUp.isNegative() && attackWarmUp.compareTo(duration) < 0,
        "attackWarmUp must be at least 0 and shorter than duration ("
            + duration
            + "), was "
            + attackWarmUp);
    require(share(eveningShare), "eveningShare must be between 0 and 1, was " + eveningShare);
    require(share(weekendShare), "weekendShare must be between 0 and 1, was " + weekendShare);
    require(
        !sliceLength.isNegative()
            && !sliceLength.isZero()
            && sliceLength.compareTo(Duration.ofHours(1)) <= 0,
        "sliceLength must be positive and at most 1 hour, was " + sliceLength);
    EnumSet<ScenarioType> types = EnumSet.noneOf(ScenarioType.class);
    types.addAll(attackTypes);
    for (ScenarioType type : types) {
      require(
          AttackPlanner.ATTACKS.contains(type),
          "attackTypes: the demo places " + AttackPlanner.ATTACKS + ", not " + type);
    }
    attackTypes = Collections.unmodifiableSet(types); // enum order, whatever the caller passed
  }

  /** Default settings for a period starting at {@code start}. */
  public static SimulationSettings defaults(Instant start) {
    return builder(start).build();
  }

  /** A builder holding the defaults, for a period starting at {@code start}. */
  public static Builder builder(Instant start) {
    return new Builder(start);
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder(start)
        .seed(seed)
        .tenants(tenants)
        .usersPerTenant(usersPerTenant)
        .duration(duration)
        .attackTypes(attackTypes)
        .attacksPerType(attacksPerType)
        .attackWarmUp(attackWarmUp)
        .population(population)
        .eveningShare(eveningShare)
        .weekendShare(weekendShare)
        .sliceLength(sliceLength);
  }

  /** End of the simulated period, exclusive. */
  public Instant end() {
    return start.plus(duration);
  }

  private static boolean share(double value) {
    return value >= 0.0 && value <= 1.0;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds {@link SimulationSettings}; unset values keep their documented defaults. */
  public static final class Builder {
    private final Instant start;
    private long seed = DEFAULT_SEED;
    private int tenants = DEFAULT_TENANTS;
    private int usersPerTenant = DEFAULT_USERS_PER_TENANT;
    private Duration duration = DEFAULT_DURATION;
    private Set<ScenarioType> attackTypes = EnumSet.copyOf(AttackPlanner.ATTACKS);
    private int attacksPerType = DEFAULT_ATTACKS_PER_TYPE;
    private Duration attackWarmUp; // null: the default, which depends on the duration
    private PopulationMix population = DEFAULT_POPULATION;
    private double eveningShare = DEFAULT_EVENING_SHARE;
    private double weekendShare = DEFAULT_WEEKEND_SHARE;
    private Duration sliceLength = DEFAULT_SLICE_LENGTH;

    private Builder(Instant start) {
      this.start = start;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder tenants(int tenants) {
      this.tenants = tenants;
      return this;
    }

    public Builder usersPerTenant(int usersPerTenant) {
      this.usersPerTenant = usersPerTenant;
      return this;
    }

    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    public Builder attackTypes(Set<ScenarioType> attackTypes) {
      this.attackTypes = attackTypes;
      return this;
    }

    /** No attacks at all: a purely benign run. */
    public Builder noAttacks() {
      this.attackTypes = Set.of();
      return this;
    }

    public Builder attacksPerType(int attacksPerType) {
      this.attacksPerType = attacksPerType;
      return this;
    }

    public Builder attackWarmUp(Duration attackWarmUp) {
      this.attackWarmUp = attackWarmUp;
      return this;
    }

    public Builder population(PopulationMix population) {
      this.population = population;
      return this;
    }

    /** Share of heavy readers per tenant; keeps the other population shares. */
    public Builder heavyReaderShare(double share) {
      this.population =
          new PopulationMix(
              share, population.mobileShare(), population.owaShare(), population.abroadShare());
      return this;
    }

    /** Share of Outlook Mobile users; keeps the other population shares. */
    public Builder mobileShare(double share) {
      this.population =
          new PopulationMix(
              population.heavyReaderShare(),
              share,
              population.owaShare(),
              population.abroadShare());
      return this;
    }

    /** Share of Outlook on the web users; keeps the other population shares. */
    public Builder owaShare(double share) {
      this.population =
          new PopulationMix(
              population.heavyReaderShare(),
              population.mobileShare(),
              share,
              population.abroadShare());
      return this;
    }

    /** Share of users living outside their tenant's country; keeps the other population shares. */
    public Builder abroadShare(double share) {
      this.population =
          new PopulationMix(
              population.heavyReaderShare(),
              population.mobileShare(),
              population.owaShare(),
              share);
      return this;
    }

    public Builder eveningShare(double eveningShare) {
      this.eveningShare = eveningShare;
      return this;
    }

    public Builder weekendShare(double weekendShare) {
      this.weekendShare = weekendShare;
      return this;
    }

    public Builder sliceLength(Duration sliceLength) {
      this.sliceLength = sliceLength;
      return this;
    }

    /**
     * @throws IllegalArgumentException if a value is out of range
     */
    public SimulationSettings build() {
      Duration warmUp = attackWarmUp;
      if (warmUp == null && duration != null) {
        Duration quarter = duration.dividedBy(4);
        warmUp = quarter.compareTo(DEFAULT_ATTACK_WARM_UP) < 0 ? quarter : DEFAULT_ATTACK_WARM_UP;
      }
      return new SimulationSettings(
          seed,
          tenants,
          usersPerTenant,
          start,
          duration,
          attackTypes,
          attacksPerType,
          warmUp,
          population,
          eveningShare,
          weekendShare,
          sliceLength);
    }
  }
}
