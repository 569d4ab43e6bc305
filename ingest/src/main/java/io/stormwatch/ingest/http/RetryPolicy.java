package io.stormwatch.ingest.http;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and how long to wait before repeating a throttled or failed request.
 *
 * <p>A {@code Retry-After} the server sent is honoured as the least wait (with up to one initial
 * backoff of jitter, so that many feeds throttled at once do not return at once); without one the
 * wait is exponential with full jitter: a random time up to {@code initialBackoff * 2^(retry-1)},
 * capped at {@code maxBackoff}.
 *
 * @param maxRetries retries after the first attempt before the failure is reported
 * @param initialBackoff the wait bound of the first retry
 * @param maxBackoff the largest wait bound
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= initialBackoff <= maxBackoff, got " + initialBackoff + ", " + maxBackoff);
    }
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry).
   *
   * @param retryAfter what the server asked for, if it did
   */
  public Duration backoff(int retry, Optional<Duration> retryAfter, RandomGenerator random) {
    if (retryAfter.isPresent()) {
      return retryAfter.get().plus(jitter(initialBackoff, random));
    }
    int doublings = Math.min(Math.max(retry - 1, 0), 30);
    Duration bound = initialBackoff.multipliedBy(1L << doublings);
    if (bound.compareTo(maxBackoff) > 0) {
      bound = maxBackoff;
    }
    return jitter(bound, random);
  }

  private static Duration jitter(Duration bound, RandomGenerator random) {
    long millis = bound.toMillis();
    return millis <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(millis + 1));
  }
}
