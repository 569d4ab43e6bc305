package io.stormwatch.sim.scenario.stream;

import io.stormwatch.sim.event.SimEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Reorders events given in event-time order into arrival order, where arrival = event time + the
 * delay of the event's feed. Ties keep event order, so with no delays the order is unchanged.
 *
 * <p>Memory holds only the events still in flight: an event can be released once the input has
 * reached its arrival time, since every later input event arrives no earlier than it happened.
 */
public final class ArrivalOrder implements Iterator<Arrival> {

  private record InFlight(Arrival arrival, long sequence) {}

  private static final Comparator<InFlight> BY_ARRIVAL =
      Comparator.comparing((InFlight f) -> f.arrival().arrivalTime())
          .thenComparingLong(InFlight::sequence);

  private final Iterator<SimEvent> events;
  private final Function<SimEvent, Duration> delay;
  private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>(BY_ARRIVAL);
  private long sequence;
  private Instant lastInput;

  /**
   * @param events in non-decreasing event time
   * @param delay how long after it happens each event arrives; never negative
   */
  public ArrivalOrder(Iterator<SimEvent> events, Function<SimEvent, Duration> delay) {
    this.events = events;
    this.delay = delay;
  }

  @Override
  public boolean hasNext() {
    fill();
    return !inFlight.isEmpty();
  }

  @Override
  public Arrival next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more arrivals");
    }
    return inFlight.poll().arrival();
  }

  /** Reads input until the earliest event in flight can no longer be overtaken. */
  private void fill() {
    while (events.hasNext()
        && (inFlight.isEmpty() || !releasable(inFlight.peek().arrival().arrivalTime()))) {
      SimEvent event = events.next();
      Duration lag = delay.apply(event);
      if (lag.isNegative()) {
        throw new IllegalStateException(event.recordId() + " would arrive before it happened");
      }
      Instant arrival = event.time().plus(lag);
      inFlight.add(new InFlight(new Arrival(event, arrival), sequence++));
      lastInput = event.time();
    }
  }

  /**
   * An event is final once input has reached its arrival time: later input arrives no earlier, and
   * on a tie it was read later, so it sorts after.
   */
  private boolean releasable(Instant arrival) {
    return lastInput != null && !lastInput.isBefore(arrival);
  }
}
