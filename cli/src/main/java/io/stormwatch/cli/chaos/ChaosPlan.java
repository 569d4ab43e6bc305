package io.stormwatch.cli.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults of a chaos run, drawn from a seed: the same seed and options give the same plan.
 *
 * <p>Faults happen at points of committed progress, not of wall time, so that a plan means the same
 * on an idle and on a loaded machine. The span from {@value #FIRST} to {@value #LAST} of the input
 * is cut into one slot per fault and each fault falls at a random point of its slot, then a random
 * {@code 0..}{@value #MAX_DELAY_MILLIS} ms later: spread over the run, never two at once, and at a
 * random moment of whatever the detector is doing (processing, committing, restoring).
 *
 * @param seed the seed the plan was drawn from
 * @param initialInstances detector instances started before the first fault
 * @param faults in the order they happen
 */
public record ChaosPlan(long seed, int initialInstances, List<Fault> faults) {

  static final double FIRST = 0.05;
  static final double LAST = 0.90;
  static final int MAX_DELAY_MILLIS = 200;

  public ChaosPlan {
    if (initialInstances < 1) {
      throw new IllegalArgumentException("at least one instance must start: " + initialInstances);
    }
    faults = List.copyOf(faults);
  }

  /**
   * {@code kills} kills with restart of one of {@code instances}, and a broker restart at a random
   * place among them if asked.
   */
  public static ChaosPlan crash(long seed, int instances, int kills, boolean brokerRestart) {
    return draw(seed, instances, List.of(), kills, brokerRestart);
  }

  /**
   * Two instances, then a third joins, then one of the three stops gracefully and one of the
   * remaining two is killed and not restarted: the last one finishes alone. {@code kills} kills
   * with restart and a broker restart may be mixed in; a kill or stop hits an instance that has
   * work (see {@link Fault}).
   */
  public static ChaosPlan scaleOut(long seed, int kills, boolean brokerRestart) {
    return draw(
        seed, 2, List.of(Fault.Kind.JOIN, Fault.Kind.STOP, Fault.Kind.KILL), kills, brokerRestart);
  }

  private static ChaosPlan draw(
      long seed, int instances, List<Fault.Kind> steps, int kills, boolean brokerRestart) {
    if (kills < 0) {
      throw new IllegalArgumentException("kills must not be negative: " + kills);
    }
    Random random = new Random(seed);
    // The fixed steps keep their order; kills and the broker restart go anywhere among them.
    List<Fault.Kind> kinds = new ArrayList<>(steps);
    for (int i = 0; i < kills; i++) {
      kinds.add(random.nextInt(kinds.size() + 1), Fault.Kind.KILL_AND_RESTART);
    }
    if (brokerRestart) {
      kinds.add(random.nextInt(kinds.size() + 1), Fault.Kind.BROKER_RESTART);
    }
    double slot = (LAST - FIRST) / Math.max(1, kinds.size());
    List<Fault> faults = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      double at = FIRST + slot * (i + random.nextDouble());
      Duration delay = Duration.ofMillis(random.nextInt(MAX_DELAY_MILLIS + 1));
      faults.add(new Fault(kinds.get(i), at, delay, random.nextInt(Integer.MAX_VALUE)));
    }
    return new ChaosPlan(seed, instances, faults);
  }

  /** Instances ever started: the initial ones and those that join. */
  public int instancesStarted() {
    return initialInstances
        + (int) faults.stream().filter(f -> f.kind() == Fault.Kind.JOIN).count();
  }

  /** How many faults of {@code kind} the plan has. */
  public long count(Fault.Kind kind) {
    return faults.stream().filter(f -> f.kind() == kind).count();
  }
}
