package io.stormwatch.sim.attack;

import java.time.Duration;
import java.time.Instant;

/**
 * When attacks may happen: after the warm-up in which detectors learn a baseline, and before the
 * simulated period ends.
 *
 * @param earliest first instant an attack record may carry
 * @param end end of the simulated period, exclusive
 */
public record AttackWindow(Instant earliest, Instant end) {

  /** The later of two instants. */
  static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The earlier of two instants. */
  static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  static boolean atLeast(Instant from, Instant to, Duration length) {
    return Duration.between(from, to).compareTo(length) >= 0;
  }
}
