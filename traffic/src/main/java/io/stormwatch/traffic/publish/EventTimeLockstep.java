package io.stormwatch.traffic.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Publishes records given in event-time order so that no raw topic runs ahead of the other by more
 * than one step of event time: before the first record of the next step is sent, everything sent so
 * far is flushed to the broker.
 *
 * <p>Why: at full replay speed, hours of event time pass in a second of wall time, so a feed that
 * reaches the broker a moment later would look hours late to the detector. Kafka Streams merges a
 * task's partitions in timestamp order as far as the broker holds their records; keeping the topics
 * in step on the broker keeps the merge, and therefore the alerts, independent of speed.
 */
public final class EventTimeLockstep<R> implements Consumer<R> {

  /** Long enough to amortise a flush, short against every detection window. */
  public static final Duration DEFAULT_STEP = Duration.ofMinutes(5);

  private final Consumer<R> send;
  private final Runnable flush;
  private final Function<R, Instant> eventTime;
  private final long stepMillis;
  private long currentStep = Long.MIN_VALUE;

  public EventTimeLockstep(
      Consumer<R> send, Runnable flush, Function<R, Instant> eventTime, Duration step) {
    this.send = send;
    this.flush = flush;
    this.eventTime = eventTime;
    this.stepMillis = step.toMillis();
  }

  @Override
  public void accept(R record) {
    long step = Math.floorDiv(eventTime.apply(record).toEpochMilli(), stepMillis);
    if (step > currentStep) {
      if (currentStep != Long.MIN_VALUE) {
        flush.run();
      }
      currentStep = step;
    }
    send.accept(record);
  }
}
