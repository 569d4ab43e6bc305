package io.stormwatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30));
  private final Random random = new Random(7);

  @Test
  void backsOffExponentiallyWithJitterUpToTheCap() {
    for (int i = 0; i < 200; i++) {
      assertThat(policy.backoff(1, Optional.empty(), random))
          .isBetween(Duration.ZERO, Duration.ofSeconds(1));
      assertThat(policy.backoff(3, Optional.empty(), random))
          .isBetween(Duration.ZERO, Duration.ofSeconds(4));
      assertThat(policy.backoff(8, Optional.empty(), random))
          .isBetween(Duration.ZERO, Duration.ofSeconds(30));
    }
  }

  @Test
  void spreadsRetriesOverTheWholeWindowRatherThanAllAtItsEnd() {
    long distinct =
        java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> policy.backoff(5, Optional.empty(), random))
            .distinct()
            .count();

    assertThat(distinct).isGreaterThan(40);
  }

  @Test
  void waitsAtLeastWhatRetryAfterAsksForEvenBeyondTheCap() {
    for (int i = 0; i < 200; i++) {
      assertThat(policy.backoff(1, Optional.of(Duration.ofSeconds(45)), random))
          .isBetween(Duration.ofSeconds(45), Duration.ofSeconds(46));
    }
  }
}
