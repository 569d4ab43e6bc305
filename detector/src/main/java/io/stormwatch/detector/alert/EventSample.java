package io.stormwatch.detector.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The latest few contributing events of an incident, by event time then id: bounded, and the same
 * whatever order the events arrived in.
 */
public final class EventSample {

  public static final int LIMIT = 10;

  private record Entry(long eventTime, String eventId) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::eventTime).thenComparing(Entry::eventId);

  private final TreeSet<Entry> entries = new TreeSet<>(ORDER);

  public void add(long eventTime, String eventId) {
    entries.add(new Entry(eventTime, eventId));
    if (entries.size() > LIMIT) {
      entries.pollFirst();
    }
  }

  /** Event ids in event-time order. */
  public List<String> eventIds() {
    List<String> ids = new ArrayList<>(entries.size());
    entries.forEach(e -> ids.add(e.eventId()));
    return ids;
  }

  /** Flattened (time, id) pairs for state encoding. */
  public List<Long> times() {
    List<Long> times = new ArrayList<>(entries.size());
    entries.forEach(e -> times.add(e.eventTime()));
    return times;
  }

  /** Rebuilds a sample from what {@link #times()} and {@link #eventIds()} returned. */
  public static EventSample of(List<Long> times, List<String> ids) {
    EventSample sample = new EventSample();
    for (int i = 0; i < times.size(); i++) {
      sample.add(times.get(i), ids.get(i));
    }
    return sample;
  }
}
