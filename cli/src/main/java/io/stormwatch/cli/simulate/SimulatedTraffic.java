package io.stormwatch.cli.simulate;

import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import io.stormwatch.traffic.replay.ReplaySpeed;
import io.stormwatch.traffic.replay.WallClock;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Publishes simulated tenants' logs to the raw topics as a live feed would: paced in event time,
 * and with {@code follow} period after period until stopped. Each period is a fresh simulation (the
 * next seed, starting where the last one ended): new tenants with their own labelled attacks, so
 * record ids never repeat and every period has attacks to find.
 */
final class SimulatedTraffic {

  private final RawTopicPublisher publisher;
  private final ReplaySpeed speed;
  private final boolean follow;
  private final WallClock clock;
  private final PrintWriter console;

  SimulatedTraffic(
      RawTopicPublisher publisher,
      ReplaySpeed speed,
      boolean follow,
      WallClock clock,
      PrintWriter console) {
    this.publisher = publisher;
    this.speed = speed;
    this.follow = follow;
    this.clock = clock;
    this.console = console;
  }

  /**
   * Publishes the period of {@code first}, and with {@code follow} the periods after it, until
   * interrupted.
   *
   * @param periods how many periods to publish at most (with {@code follow}); {@link
   *     Long#MAX_VALUE} for as long as the process runs
   * @return records published
   */
  long run(SimulationSettings first, long periods) throws InterruptedException {
    EventTimePacer pacer = new EventTimePacer(speed, follow, clock, publisher::flush);
    SimulationSettings settings = first;
    long published = 0;
    for (long period = 1; ; period++) {
      TenantSimulator simulator = new TenantSimulator(settings);
      announce(period, simulator);
      long records = 0;
      for (Iterator<SimulatedRecord> it = simulator.records(); it.hasNext(); ) {
        SimulatedRecord record = it.next();
        pacer.awaitDue(record.eventTime());
        publisher.send(record);
        records++;
      }
      publisher.flush();
      published += records;
      console.printf(Locale.ROOT, "  period %d published: %,d records%n", period, records);
      console.flush();
      if (!follow || period >= periods) {
        return published;
      }
      settings = nextPeriod(settings);
    }
  }

  private void announce(long period, TenantSimulator simulator) {
    SimulationSettings settings = simulator.settings();
    Map<String, Integer> attacks = new TreeMap<>();
    for (ScenarioLabel attack : simulator.groundTruth().attacks()) {
      attacks.merge(attack.type().id(), 1, Integer::sum);
    }
    console.printf(
        Locale.ROOT,
        "Period %d: seed %d, %s to %s at %s; attacks %s%n",
        period,
        settings.seed(),
        settings.start(),
        settings.end(),
        speed,
        attacks);
    console.flush();
  }

  /** The same simulation with the next seed, starting where {@code settings} ends. */
  static SimulationSettings nextPeriod(SimulationSettings settings) {
    return new SimulationSettings(
        settings.seed() + 1,
        settings.tenants(),
        settings.usersPerTenant(),
        settings.end(),
        settings.duration(),
        settings.attackTypes(),
        settings.attacksPerType(),
        settings.attackWarmUp(),
        settings.population(),
        settings.eveningShare(),
        settings.weekendShare(),
        settings.sliceLength());
  }
}
