package io.stormwatch.sim.engine;

import io.stormwatch.sim.behaviour.UserActivityCursor;
import io.stormwatch.sim.event.SimEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Yields the events of all users and attacks in non-decreasing event time, one time slice at a
 * time.
 *
 * <p>For each slice every user cursor contributes its events, the attack events that fall in the
 * slice are added, and the slice is sorted by event time (a stable sort, so ties keep tenant, user
 * and attack order). Memory is bounded by one slice of lightweight events, not by the length of the
 * run.
 */
public final class TimeSlicedEventIterator implements Iterator<SimEvent> {

  private static final Comparator<SimEvent> BY_EVENT_TIME = Comparator.comparing(SimEvent::time);

  private final List<UserActivityCursor> cursors;
  private final List<SimEvent> attackEvents;
  private final Instant end;
  private final Duration sliceLength;
  private final List<SimEvent> slice = new ArrayList<>();

  private Instant sliceStart;
  private int nextAttackEvent;
  private int position;

  /**
   * @param cursors one cursor per user, in tenant then user order
   * @param attackEvents every attack event, sorted by event time
   * @param start first instant of the simulated period
   * @param end end of the simulated period, exclusive
   * @param sliceLength event time per slice
   */
  public TimeSlicedEventIterator(
      List<UserActivityCursor> cursors,
      List<SimEvent> attackEvents,
      Instant start,
      Instant end,
      Duration sliceLength) {
    this.cursors = List.copyOf(cursors);
    this.attackEvents = List.copyOf(attackEvents);
    this.end = end;
    this.sliceLength = sliceLength;
    this.sliceStart = start;
  }

  @Override
  public boolean hasNext() {
    while (position == slice.size()) {
      if (!sliceStart.isBefore(end)) {
        return false;
      }
      fillNextSlice();
    }
    return true;
  }

  @Override
  public SimEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the simulated period has ended");
    }
    SimEvent event = slice.get(position);
    slice.set(position++, null); // let consumed events go early
    return event;
  }

  private void fillNextSlice() {
    slice.clear();
    position = 0;
    Instant sliceEnd = sliceStart.plus(sliceLength);
    if (sliceEnd.isAfter(end)) {
      sliceEnd = end;
    }
    for (UserActivityCursor cursor : cursors) {
      cursor.emitBefore(sliceEnd, slice);
    }
    while (nextAttackEvent < attackEvents.size()
        && attackEvents.get(nextAttackEvent).time().isBefore(sliceEnd)) {
      slice.add(attackEvents.get(nextAttackEvent++));
    }
    slice.sort(BY_EVENT_TIME);
    sliceStart = sliceEnd;
  }
}
