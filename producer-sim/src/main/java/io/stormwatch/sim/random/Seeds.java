package io.stormwatch.sim.random;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from one simulation seed.
 *
 * <p>Every entity (tenant, user, day, attack) gets its own stream whose seed is a pure function of
 * the parent seed and a path of numbers, so adding a tenant or changing one user's behaviour never
 * reshuffles the random choices of any other entity.
 */
public final class Seeds {

  private Seeds() {}

  /**
   * Mixes {@code parent} with each element of {@code path} into a new, well-scattered seed.
   *
   * @param parent the parent stream's seed
   * @param path stream labels, e.g. {@code TENANT, tenantIndex}
   * @return the child seed
   */
  public static long derive(long parent, long... path) {
    long h = mix(parent ^ 0x6A09E667F3BCC909L);
    for (long step : path) {
      h = mix(h + 0x9E3779B97F4A7C15L * (step + 1));
    }
    return h;
  }

  /** A fresh {@link SplittableRandom} for {@link #derive(long, long...)}. */
  public static SplittableRandom stream(long parent, long... path) {
    return new SplittableRandom(derive(parent, path));
  }

  /** SplitMix64's finaliser: a bijective avalanche of all 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
