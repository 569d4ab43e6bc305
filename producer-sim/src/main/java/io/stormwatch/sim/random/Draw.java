package io.stormwatch.sim.random;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** Small helpers for drawing from a seeded stream; pure functions of the stream they are given. */
public final class Draw {

  private Draw() {}

  /** Uniform integer in {@code [min, max]}, both inclusive. */
  public static int between(SplittableRandom rng, int min, int max) {
    return min == max ? min : rng.nextInt(min, max + 1);
  }

  /** Uniform duration in {@code [min, max]} with second granularity. */
  public static Duration between(SplittableRandom rng, Duration min, Duration max) {
    long lo = min.toSeconds();
    long hi = max.toSeconds();
    return Duration.ofSeconds(lo == hi ? lo : rng.nextLong(lo, hi + 1));
  }

  /** One element, uniformly. */
  public static <T> T oneOf(SplittableRandom rng, List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }

  /** True with probability {@code p}. */
  public static boolean chance(SplittableRandom rng, double p) {
    return rng.nextDouble() < p;
  }
}
