package io.stormwatch.sim.scenario.stage;

import io.stormwatch.sim.behaviour.ActivityPlanner;
import io.stormwatch.sim.random.Seeds;
import io.stormwatch.sim.scenario.ScenarioSettings;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.PopulationMix;
import io.stormwatch.sim.world.TenantPopulation;
import io.stormwatch.sim.world.User;
import io.stormwatch.sim.world.World;
import io.stormwatch.sim.world.WorldBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated tenants the scenarios play in: the simulator's world, the scenario day and the
 * history before it.
 */
public final class Stage {

  /** Evening and weekend habits of the simulator's defaults. */
  public static final double EVENING_SHARE = 0.30;

  public static final double WEEKEND_SHARE = 0.15;

  /** Share of a VPN tenant's laptop users who habitually work through the corporate VPN. */
  static final double VPN_USER_SHARE = 0.7;

  private static final PopulationMix POPULATION = new PopulationMix(0.10, 0.25, 0.30, 0.05);
  private static final long CASTING = 0x5CE7A12L;
  private static final long VPN_HABIT = 0x7B9E11L;

  private final ScenarioSettings settings;
  private final NetworkCatalogue catalogue;
  private final List<StagedTenant> tenants;

  /**
   * Builds the world and plans every user's scenario day.
   *
   * @param usersPerTenant how many users each tenant has, in tenant order; a tenant's users are the
   *     first of the simulator's users for it, so a smaller tenant is a prefix of a larger one
   * @param vpnTenant index of the tenant with a corporate VPN, or -1
   */
  public Stage(ScenarioSettings settings, List<Integer> usersPerTenant, int vpnTenant) {
    this.settings = settings;
    this.catalogue = NetworkCatalogue.standard();
    int largest = usersPerTenant.stream().mapToInt(Integer::intValue).max().orElse(1);
    World world =
        new WorldBuilder(catalogue)
            .build(settings.seed(), usersPerTenant.size(), largest, POPULATION);
    ActivityPlanner planner =
        new ActivityPlanner(dayStart(), dayEnd(), EVENING_SHARE, WEEKEND_SHARE);
    List<StagedTenant> stages = new ArrayList<>();
    for (TenantPopulation population : world.tenants()) {
      StagedTenant stage =
          new StagedTenant(
              population.tenant(),
              population.users().subList(0, usersPerTenant.get(population.tenant().index())),
              planner,
              Seeds.derive(settings.seed(), CASTING));
      if (population.tenant().index() == vpnTenant) {
        declareVpnHabit(stage);
      }
      stages.add(stage);
    }
    this.tenants = List.copyOf(stages);
  }

  public ScenarioSettings settings() {
    return settings;
  }

  public long seed() {
    return settings.seed();
  }

  public NetworkCatalogue catalogue() {
    return catalogue;
  }

  public List<StagedTenant> tenants() {
    return tenants;
  }

  public StagedTenant tenant(int index) {
    return tenants.get(index);
  }

  /** The scenario day, UTC. */
  public LocalDate day() {
    return settings.day();
  }

  /** Start of the scenario day: 00:00 UTC. */
  public Instant dayStart() {
    return settings.day().atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** End of the scenario day, exclusive: where the run ends. */
  public Instant dayEnd() {
    return dayStart().plus(Duration.ofDays(1));
  }

  /** The first local day of history. */
  public LocalDate firstHistoryDay() {
    return settings.day().minusDays(settings.historyDays());
  }

  /** No history record is earlier than this. */
  public Instant historyStart() {
    return firstHistoryDay().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** Most of the tenant's laptop users work through the corporate VPN on some days. */
  private void declareVpnHabit(StagedTenant stage) {
    TenantHabits habits = stage.habits();
    habits.corporateVpn(ScenarioNetworks.ZSCALER_LONDON);
    SplittableRandom rng = Seeds.stream(settings.seed(), VPN_HABIT, stage.tenant().index());
    for (User user : stage.users()) {
      // Drawn for every user so that one user's client never shifts another's habit.
      boolean draw = rng.nextDouble() < VPN_USER_SHARE;
      if (draw && user.client() != ClientProfile.OUTLOOK_MOBILE) {
        habits.addVpnUser(user.upn());
      }
    }
  }
}
