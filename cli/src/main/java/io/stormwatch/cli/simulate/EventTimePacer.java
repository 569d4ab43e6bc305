package io.stormwatch.cli.simulate;

import io.stormwatch.traffic.replay.ReplaySpeed;
import io.stormwatch.traffic.replay.WallClock;
import java.time.Instant;

/**
 * Holds simulated records back until they are due: at {@code speed} relative to the first record,
 * and, when {@code notAheadOfNow}, never before the wall clock reaches their event time (a live
 * feed has no records from the future, and brokers refuse timestamps far ahead of their clock).
 */
final class EventTimePacer {

  /** Waits shorter than this are not worth a flush: the producer's linger covers them. */
  private static final long FLUSH_BEFORE_WAITS_OVER_NANOS = 20_000_000L;

  private final ReplaySpeed speed;
  private final boolean notAheadOfNow;
  private final WallClock clock;
  private final Runnable beforeLongWait;
  private boolean started;
  private Instant firstEventTime;
  private long startNanos;

  /**
   * @param beforeLongWait run before a wait of more than a few milliseconds, so that what was sent
   *     reaches the cluster on time instead of lingering in a batch
   */
  EventTimePacer(
      ReplaySpeed speed, boolean notAheadOfNow, WallClock clock, Runnable beforeLongWait) {
    this.speed = speed;
    this.notAheadOfNow = notAheadOfNow;
    this.clock = clock;
    this.beforeLongWait = beforeLongWait;
  }

  /** Returns when a record of {@code eventTime} is due. */
  void awaitDue(Instant eventTime) throws InterruptedException {
    if (!started) {
      started = true;
      firstEventTime = eventTime;
      startNanos = clock.nanoTime();
    }
    long wait = 0;
    if (!speed.isMax()) {
      double eventNanos = (eventTime.toEpochMilli() - firstEventTime.toEpochMilli()) * 1e6;
      wait = startNanos + (long) (eventNanos / speed.factor()) - clock.nanoTime();
    }
    if (notAheadOfNow) {
      long ahead = (eventTime.toEpochMilli() - clock.now().toEpochMilli()) * 1_000_000L;
      wait = Math.max(wait, ahead);
    }
    if (wait <= 0) {
      return;
    }
    if (wait > FLUSH_BEFORE_WAITS_OVER_NANOS) {
      beforeLongWait.run();
    }
    clock.sleep(wait);
  }
}
