package io.stormwatch.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.traffic.replay.ReplaySpeed;
import io.stormwatch.traffic.replay.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimePacerTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** A clock that only moves when slept on, and records every wait. */
  private static final class TestClock implements WallClock {
    private final Instant start;
    private long nanos;
    final List<Duration> waits = new ArrayList<>();

    TestClock(Instant start) {
      this.start = start;
    }

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public Instant now() {
      return start.plusNanos(nanos);
    }

    @Override
    public void sleep(long waitNanos) {
      waits.add(Duration.ofNanos(waitNanos));
      nanos += waitNanos;
    }
  }

  @Test
  void spacesRecordsByTheirEventTimeDividedBySpeed() throws Exception {
    TestClock clock = new TestClock(T0.plus(Duration.ofDays(1)));
    var pacer = new EventTimePacer(ReplaySpeed.parse("60x"), false, clock, () -> {});

    pacer.awaitDue(T0);
    pacer.awaitDue(T0.plusSeconds(60));
    pacer.awaitDue(T0.plusSeconds(600));

    assertThat(clock.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(9));
  }

  @Test
  void atMaxSpeedNothingWaits() throws Exception {
    TestClock clock = new TestClock(T0.plus(Duration.ofDays(1)));
    var pacer = new EventTimePacer(ReplaySpeed.MAX, true, clock, () -> {});

    pacer.awaitDue(T0);
    pacer.awaitDue(T0.plus(Duration.ofHours(8)));

    assertThat(clock.waits).isEmpty();
  }

  @Test
  void aLiveFeedNeverRunsAheadOfTheWallClock() throws Exception {
    TestClock clock = new TestClock(T0);
    List<String> flushed = new ArrayList<>();
    var pacer = new EventTimePacer(ReplaySpeed.MAX, true, clock, () -> flushed.add("flush"));

    pacer.awaitDue(T0.minusSeconds(30));
    pacer.awaitDue(T0.plusSeconds(90));

    assertThat(clock.waits).containsExactly(Duration.ofSeconds(90));
    assertThat(flushed).containsExactly("flush");
    assertThat(clock.now()).isEqualTo(T0.plusSeconds(90));
  }
}
