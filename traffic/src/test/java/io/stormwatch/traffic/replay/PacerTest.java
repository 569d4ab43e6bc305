package io.stormwatch.traffic.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

  private static final long T0 = Instant.parse("2026-03-03T09:00:00Z").toEpochMilli();

  private final ManualClock clock = new ManualClock();
  private final List<Long> flushedAt = new ArrayList<>();

  @Test
  void holdsARecordUntilItsEventTimeIsDueAtTheReplaySpeed() throws InterruptedException {
    Pacer pacer = new Pacer(ReplaySpeed.parse("60x"), clock, () -> flushedAt.add(clock.nanos));

    pacer.awaitDue(T0);
    pacer.awaitDue(T0 + Duration.ofMinutes(1).toMillis());
    pacer.awaitDue(T0 + Duration.ofMinutes(3).toMillis());

    assertThat(clock.sleeps).containsExactly(secondsInNanos(1), secondsInNanos(2));
    assertThat(flushedAt).containsExactly(0L, secondsInNanos(1));
  }

  @Test
  void doesNotWaitForRecordsThatAreAlreadyLate() throws InterruptedException {
    Pacer pacer = new Pacer(ReplaySpeed.REAL_TIME, clock, () -> {});
    pacer.awaitDue(T0);
    clock.nanos += secondsInNanos(10); // sending fell behind

    pacer.awaitDue(T0 + 5_000);

    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void neverWaitsAtMaxSpeed() throws InterruptedException {
    Pacer pacer = new Pacer(ReplaySpeed.MAX, clock, () -> flushedAt.add(clock.nanos));

    pacer.awaitDue(T0);
    pacer.awaitDue(T0 + Duration.ofDays(30).toMillis());

    assertThat(clock.sleeps).isEmpty();
    assertThat(flushedAt).isEmpty();
  }

  @Test
  void doesNotFlushForWaitsTheProducersLingerCovers() throws InterruptedException {
    Pacer pacer = new Pacer(ReplaySpeed.REAL_TIME, clock, () -> flushedAt.add(clock.nanos));

    pacer.awaitDue(T0);
    pacer.awaitDue(T0 + 5);

    assertThat(clock.sleeps).containsExactly(5_000_000L);
    assertThat(flushedAt).isEmpty();
  }

  private static long secondsInNanos(long seconds) {
    return Duration.ofSeconds(seconds).toNanos();
  }

  /** A clock that moves only when slept on. */
  private static final class ManualClock implements WallClock {
    long nanos;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public Instant now() {
      return Instant.ofEpochSecond(0, nanos);
    }

    @Override
    public void sleep(long duration) {
      sleeps.add(duration);
      nanos += duration;
    }
  }
}
