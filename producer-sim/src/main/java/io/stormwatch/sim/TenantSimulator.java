package io.stormwatch.sim;

import io.stormwatch.sim.attack.AttackPlanner;
import io.stormwatch.sim.behaviour.ActivityPlanner;
import io.stormwatch.sim.behaviour.UserActivityCursor;
import io.stormwatch.sim.behaviour.UserPlan;
import io.stormwatch.sim.engine.TimeSlicedEventIterator;
import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.msformat.RecordFormatter;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.sim.truth.GroundTruth;
import io.stormwatch.sim.truth.UnplacedAttack;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.TenantPopulation;
import io.stormwatch.sim.world.World;
import io.stormwatch.sim.world.WorldBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A deterministic simulation of Microsoft 365 tenants: benign mail activity of every user plus
 * labelled attacks, as raw Unified Audit Log and Entra sign-in records.
 *
 * <p>Construction builds the world, plans every user's activity and places the attacks, so {@link
 * #groundTruth()} is complete at once; records are generated lazily, slice by slice, each time
 * {@link #records()} or {@link #run(Consumer)} is called, and every call yields the same bytes.
 *
 * <pre>{@code
 * TenantSimulator simulator = new TenantSimulator(SimulationSettings.defaults(start));
 * simulator.run(record -> publisher.send(record));
 * new GroundTruthWriter().write(simulator.groundTruth(), truthFile);
 * }</pre>
 */
public final class TenantSimulator {

  private final SimulationSettings settings;
  private final World world;
  private final List<UserPlan> plans;
  private final List<SimEvent> attackEvents;
  private final GroundTruth groundTruth;

  /**
   * Builds the world and plans activity and attacks.
   *
   * @param settings what to simulate
   */
  public TenantSimulator(SimulationSettings settings) {
    this.settings = settings;
    NetworkCatalogue catalogue = NetworkCatalogue.standard();
    this.world =
        new WorldBuilder(catalogue)
            .build(
                settings.seed(),
                settings.tenants(),
                settings.usersPerTenant(),
                settings.population());
    ActivityPlanner planner =
        new ActivityPlanner(
            settings.start(), settings.end(), settings.eveningShare(), settings.weekendShare());
    AttackPlanner attackPlanner =
        new AttackPlanner(
            settings.attackTypes(),
            settings.attacksPerType(),
            settings.start().plus(settings.attackWarmUp()),
            settings.end(),
            catalogue);

    List<UserPlan> allPlans = new ArrayList<>(world.userCount());
    List<ScenarioLabel> labels = new ArrayList<>();
    List<SimEvent> events = new ArrayList<>();
    List<UnplacedAttack> unplaced = new ArrayList<>();
    for (TenantPopulation population : world.tenants()) {
      List<UserPlan> tenantPlans = population.users().stream().map(planner::plan).toList();
      allPlans.addAll(tenantPlans);
      AttackPlanner.TenantAttacks tenantAttacks =
          attackPlanner.plan(population.tenant(), tenantPlans);
      labels.addAll(tenantAttacks.placed());
      events.addAll(tenantAttacks.events());
      unplaced.addAll(tenantAttacks.unplaced());
    }
    this.plans = List.copyOf(allPlans);
    this.attackEvents = events.stream().sorted(Comparator.comparing(SimEvent::time)).toList();
    this.groundTruth =
        new GroundTruth(settings.seed(), settings.start(), settings.end(), labels, unplaced);
  }

  public SimulationSettings settings() {
    return settings;
  }

  /** The simulated tenants and users. */
  public World world() {
    return world;
  }

  /** Every user's planned activity, in tenant then user order. */
  public List<UserPlan> plans() {
    return plans;
  }

  /** The injected attacks and the records that belong to them. */
  public GroundTruth groundTruth() {
    return groundTruth;
  }

  /**
   * A fresh pass over all events in non-decreasing event time, before they are written as JSON;
   * each call starts from the beginning and yields the same events.
   */
  public Iterator<SimEvent> events() {
    List<UserActivityCursor> cursors = plans.stream().map(UserActivityCursor::new).toList();
    return new TimeSlicedEventIterator(
        cursors, attackEvents, settings.start(), settings.end(), settings.sliceLength());
  }

  /**
   * A fresh pass over all records in non-decreasing event time; each call starts from the beginning
   * and yields the same records.
   */
  public Iterator<SimulatedRecord> records() {
    Iterator<SimEvent> events = events();
    RecordFormatter formatter = new RecordFormatter();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return events.hasNext();
      }

      @Override
      public SimulatedRecord next() {
        return formatter.format(events.next());
      }
    };
  }

  /**
   * Generates every record and hands it to {@code sink}, in non-decreasing event time.
   *
   * @return counts of what was generated
   */
  public SimulationStats run(Consumer<SimulatedRecord> sink) {
    long ual = 0;
    long signIns = 0;
    long bytes = 0;
    for (Iterator<SimulatedRecord> it = records(); it.hasNext(); ) {
      SimulatedRecord record = it.next();
      if (record.topic() == RawTopic.UAL) {
        ual++;
      } else {
        signIns++;
      }
      bytes += record.json().length;
      sink.accept(record);
    }
    return new SimulationStats(ual, signIns, bytes);
  }
}
