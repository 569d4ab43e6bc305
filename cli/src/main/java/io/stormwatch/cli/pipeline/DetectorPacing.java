package io.stormwatch.cli.pipeline;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps a full-speed publisher close behind the detector in event time: at each lockstep boundary
 * (after the publisher flushed) it waits until the records the detector has not committed yet are
 * no more than those of the last {@value #TIGHT_STEPS} steps, or, while that is few records, of the
 * last {@value #LOOSE_STEPS} steps.
 *
 * <p>Why: the detector's consumer fetches ahead, and Kafka Streams merges a task's two raw
 * partitions in event-time order only as far as its last fetch knows; with hours of event time on
 * the broker, a sign-in partition that looks caught up lets a tenant's UAL records run hours ahead
 * of its sign-ins, and an orphan-token check then gives up on a sign-in that is merely late.
 * Bounding what the broker holds beyond the detector's position bounds that skew. The bound is in
 * steps, that is in event time, not in records: a sparse stretch (nights, small tenants) packs many
 * hours into a few hundred records. The loose bound saves a wait for the detector's commit at
 * nearly every step of sparse traffic.
 */
public final class DetectorPacing implements Runnable {

  /** Steps the broker may always hold beyond the detector: ten minutes with five-minute steps. */
  static final int TIGHT_STEPS = 2;

  /** Steps the broker may hold while they are few records: an hour with five-minute steps. */
  static final int LOOSE_STEPS = 12;

  /** What counts as few records, for {@link #LOOSE_STEPS}. */
  static final long FEW_RECORDS = 500;

  private static final Duration POLL = Duration.ofMillis(25);

  private final LongSupplier sentSoFar;
  private final LongSupplier detectorLag;
  private final long[] recentSteps = new long[LOOSE_STEPS];
  private long sentAtLastBoundary;
  private int boundaries;

  /**
   * @param sentSoFar records the publisher has sent so far
   * @param detectorLag records on the raw topics the detector has not committed yet
   */
  public DetectorPacing(LongSupplier sentSoFar, LongSupplier detectorLag) {
    this.sentSoFar = sentSoFar;
    this.detectorLag = detectorLag;
  }

  /** Waits, at a step boundary, until the detector has caught up to within the allowed steps. */
  @Override
  public void run() {
    long sent = sentSoFar.getAsLong();
    recentSteps[boundaries++ % LOOSE_STEPS] = sent - sentAtLastBoundary;
    sentAtLastBoundary = sent;
    long allowed = allowedLag();
    try {
      while (detectorLag.getAsLong() > allowed) {
        Thread.sleep(POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the detector", e);
    }
  }

  /** Records the detector may be behind now: the tight bound, or the loose one while it is few. */
  long allowedLag() {
    long tight = sentInLastSteps(TIGHT_STEPS);
    long loose = sentInLastSteps(LOOSE_STEPS);
    return Math.max(tight, Math.min(loose, FEW_RECORDS));
  }

  private long sentInLastSteps(int steps) {
    long sum = 0;
    for (int i = 1; i <= Math.min(steps, boundaries); i++) {
      sum += recentSteps[(boundaries - i) % LOOSE_STEPS];
    }
    return sum;
  }
}
