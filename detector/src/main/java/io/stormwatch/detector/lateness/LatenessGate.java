package io.stormwatch.detector.lateness;

import java.time.Duration;

/**
 * Decides whether an event is too late for the detections: older than its account's latest event
 * minus the grace period. Late events go to the late topic, kept and never silently dropped.
 *
 * <p>The watermark is per account rather than Kafka Streams' per-task stream time: an account's
 * events arrive in a deterministic order, while the interleaving of many accounts in one task
 * depends on timing. Per-account lateness therefore gives the same verdicts at any replay speed.
 */
public final class LatenessGate {

  /** The watermark of an account with no event yet. */
  public static final long NO_WATERMARK = Long.MIN_VALUE;

  private final long graceMs;

  public LatenessGate(Duration grace) {
    this.graceMs = grace.toMillis();
  }

  /** Whether an event at {@code eventTime} is late for an account at {@code watermark}. */
  public boolean isLate(long watermark, long eventTime) {
    return watermark != NO_WATERMARK && eventTime < watermark - graceMs;
  }

  /** The account's watermark after an on-time event at {@code eventTime}. */
  public static long advance(long watermark, long eventTime) {
    return Math.max(watermark, eventTime);
  }
}
