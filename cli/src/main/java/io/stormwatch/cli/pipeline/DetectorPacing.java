package io.stormwatch.cli.pipeline;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps a full-speed publisher at most about two lockstep steps ahead of the detector: at each step
 * boundary (after the publisher flushed) it waits until the detector's lag on the raw topics is no
 * more than the records of the last two steps.
 *
 * <p>Why: the detector's consumer fetches ahead and pauses partitions whose buffers are full; with
 * hours of event time on the broker, a momentarily empty sign-in partition lets Kafka Streams run a
 * tenant's UAL records hours ahead of its sign-ins. Bounding what the broker holds beyond the
 * detector's position bounds that skew to a few minutes of event time, so alerts do not depend on
 * timing.
 */
public final class DetectorPacing implements Runnable {

  private static final long MIN_ALLOWED_LAG = 500;
  private static final Duration POLL = Duration.ofMillis(25);

  private final LongSupplier sentSoFar;
  private final LongSupplier detectorLag;
  private long sentAtLastBoundary;
  private long lastStep;

  /**
   * @param sentSoFar records the publisher has sent so far
   * @param detectorLag records on the raw topics the detector has not committed yet
   */
  public DetectorPacing(LongSupplier sentSoFar, LongSupplier detectorLag) {
    this.sentSoFar = sentSoFar;
    this.detectorLag = detectorLag;
  }

  /** Waits, at a step boundary, until the detector has caught up to within two steps. */
  @Override
  public void run() {
    long sent = sentSoFar.getAsLong();
    long step = sent - sentAtLastBoundary;
    sentAtLastBoundary = sent;
    long allowed = Math.max(MIN_ALLOWED_LAG, step + lastStep);
    lastStep = step;
    try {
      while (detectorLag.getAsLong() > allowed) {
        Thread.sleep(POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the detector", e);
    }
  }
}
