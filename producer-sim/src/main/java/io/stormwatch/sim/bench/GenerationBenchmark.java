package io.stormwatch.sim.bench;

import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.sim.event.SimEvent;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;

/**
 * Measures how fast the simulator generates records, side by side with a baseline in the same run.
 *
 * <p>Baseline: the events alone (plans walked, slices sorted, no JSON). Measured: the full records
 * with Microsoft's JSON. Each pass runs once to warm up the JIT, then is timed. Wall-clock time and
 * the generating thread's CPU time are both printed: on a shared machine the CPU figure is the
 * steadier one.
 *
 * <p>Usage: {@code GenerationBenchmark [tenants] [usersPerTenant] [hours] [start]}, defaults 5, 30,
 * 8 and {@code 2026-03-10T08:00:00Z}.
 */
public final class GenerationBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private GenerationBenchmark() {}

  public static void main(String[] args) {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : SimulationSettings.DEFAULT_TENANTS;
    int users =
        args.length > 1 ? Integer.parseInt(args[1]) : SimulationSettings.DEFAULT_USERS_PER_TENANT;
    long hours = args.length > 2 ? Long.parseLong(args[2]) : 8;
    Instant start = Instant.parse(args.length > 3 ? args[3] : "2026-03-10T08:00:00Z");
    SimulationSettings settings =
        SimulationSettings.builder(start)
            .tenants(tenants)
            .usersPerTenant(users)
            .duration(Duration.ofHours(hours))
            .build();
    report(settings, System.out);
  }

  /** Runs the benchmark and prints its figures. */
  public static void report(SimulationSettings settings, PrintStream out) {
    long wallStart = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    TenantSimulator simulator = new TenantSimulator(settings);
    Timing setup = Timing.since(wallStart, cpuStart, 0, 0);

    Timing events = measure(simulator, GenerationBenchmark::countEvents);
    Timing records = measure(simulator, GenerationBenchmark::countRecordBytes);

    out.printf(
        Locale.ROOT,
        "settings: %d tenants x %d users, %s from %s, seed %d%n",
        settings.tenants(),
        settings.usersPerTenant(),
        settings.duration(),
        settings.start(),
        settings.seed());
    out.printf(
        Locale.ROOT,
        "setup (world, plans, attacks): wall %.2f s, cpu %.2f s; %d attacks placed, %d unplaced%n",
        setup.wallSeconds(),
        setup.cpuSeconds(),
        simulator.groundTruth().attacks().size(),
        simulator.groundTruth().unplaced().size());
    out.printf(
        Locale.ROOT,
        "baseline, events only: %,d events; wall %.2f s = %,.0f/s; cpu %.2f s = %,.0f/s%n",
        events.count(),
        events.wallSeconds(),
        events.count() / events.wallSeconds(),
        events.cpuSeconds(),
        events.count() / events.cpuSeconds());
    out.printf(
        Locale.ROOT,
        "records with JSON:     %,d records; wall %.2f s = %,.0f/s; cpu %.2f s = %,.0f/s;"
            + " %.0f bytes/record, %.1f MB/s of CPU%n",
        records.count(),
        records.wallSeconds(),
        records.count() / records.wallSeconds(),
        records.cpuSeconds(),
        records.count() / records.cpuSeconds(),
        (double) records.bytes() / records.count(),
        records.bytes() / records.cpuSeconds() / 1e6);
  }

  /** One warm-up pass, then one timed pass. */
  private static Timing measure(TenantSimulator simulator, Pass pass) {
    pass.run(simulator, new long[2]);
    long[] countAndBytes = new long[2];
    long wallStart = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    pass.run(simulator, countAndBytes);
    return Timing.since(wallStart, cpuStart, countAndBytes[0], countAndBytes[1]);
  }

  /** A full pass over the simulation that counts what it produced. */
  private interface Pass {
    void run(TenantSimulator simulator, long[] countAndBytes);
  }

  private static void countEvents(TenantSimulator simulator, long[] countAndBytes) {
    for (Iterator<SimEvent> it = simulator.events(); it.hasNext(); it.next()) {
      countAndBytes[0]++;
    }
  }

  private static void countRecordBytes(TenantSimulator simulator, long[] countAndBytes) {
    for (Iterator<SimulatedRecord> it = simulator.records(); it.hasNext(); ) {
      countAndBytes[1] += it.next().json().length;
      countAndBytes[0]++;
    }
  }

  private record Timing(double wallSeconds, double cpuSeconds, long count, long bytes) {
    static Timing since(long wallStart, long cpuStart, long count, long bytes) {
      return new Timing(
          (System.nanoTime() - wallStart) / 1e9,
          (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9,
          count,
          bytes);
    }
  }
}
