package io.stormwatch.traffic.replay;

/**
 * Holds records back until their event time is due at the replay speed: a record {@code d} of event
 * time after the first one is due {@code d / speed} of wall time after the first was sent. At
 * {@link ReplaySpeed#MAX} nothing waits.
 */
final class Pacer {

  /** Waits shorter than this are not worth a flush: the producer's linger covers them. */
  private static final long FLUSH_BEFORE_WAITS_OVER_NANOS = 20_000_000L;

  private final ReplaySpeed speed;
  private final WallClock clock;
  private final Runnable beforeLongWait;
  private boolean started;
  private long firstEventTime;
  private long startNanos;

  /**
   * @param beforeLongWait run before a wait of more than a few milliseconds, so that what was sent
   *     reaches the cluster on time instead of lingering in a batch
   */
  Pacer(ReplaySpeed speed, WallClock clock, Runnable beforeLongWait) {
    this.speed = speed;
    this.clock = clock;
    this.beforeLongWait = beforeLongWait;
  }

  /** Returns when a record of this event time (epoch milliseconds) is due. */
  void awaitDue(long eventTime) throws InterruptedException {
    if (speed.isMax()) {
      return;
    }
    if (!started) {
      started = true;
      firstEventTime = eventTime;
      startNanos = clock.nanoTime();
      return;
    }
    double eventNanos = (eventTime - firstEventTime) * 1_000_000.0;
    long dueNanos = startNanos + (long) (eventNanos / speed.factor());
    long wait = dueNanos - clock.nanoTime();
    if (wait <= 0) {
      return;
    }
    if (wait > FLUSH_BEFORE_WAITS_OVER_NANOS) {
      beforeLongWait.run();
      wait = dueNanos - clock.nanoTime();
    }
    if (wait > 0) {
      clock.sleep(wait);
    }
  }
}
