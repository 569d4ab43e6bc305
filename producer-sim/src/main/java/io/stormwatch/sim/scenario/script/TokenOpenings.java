package io.stormwatch.sim.scenario.script;

import io.stormwatch.sim.behaviour.ActivePeriod;
import io.stormwatch.sim.behaviour.TokenGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stretches of a working period in which one background token is the one the user's client
 * presents: from two minutes after it was issued until a minute before the next one is.
 */
final class TokenOpenings {

  /**
   * One such stretch.
   *
   * @param token the token in use
   * @param from start of the stretch
   * @param to end of the stretch, exclusive
   */
  record Opening(TokenGrant token, Instant from, Instant to) {
    Duration length() {
      return Duration.between(from, to);
    }
  }

  private TokenOpenings() {}

  /** The stretches of {@code period} at least {@code length} long, starting after {@code after}. */
  static List<Opening> of(ActivePeriod period, Duration length, Instant after) {
    List<Opening> openings = new ArrayList<>();
    List<TokenGrant> grants = period.grants();
    for (int i = 0; i < grants.size(); i++) {
      TokenGrant grant = grants.get(i);
      Instant from = grant.issuedAt().plus(Duration.ofMinutes(2));
      if (from.isBefore(after)) {
        from = after;
      }
      Instant to =
          i + 1 < grants.size()
              ? grants.get(i + 1).issuedAt().minus(Duration.ofMinutes(1))
              : grant.expiresAt().minus(Duration.ofMinutes(1));
      if (to.isAfter(period.end())) {
        to = period.end();
      }
      if (Duration.between(from, to).compareTo(length) >= 0) {
        openings.add(new Opening(grant, from, to));
      }
    }
    return openings;
  }

  /** One of the stretches, drawn uniformly. */
  static Opening pick(
      SplittableRandom rng, ActivePeriod period, Duration length, Instant after, String who) {
    List<Opening> openings = of(period, length, after);
    if (openings.isEmpty()) {
      throw new IllegalStateException(who + " uses no token for " + length + " after " + after);
    }
    return openings.get(rng.nextInt(openings.size()));
  }
}
