package io.stormwatch.detector.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A sorted set that keeps at most {@code limit} smallest values: evidence stays bounded, and which
 * values are kept depends only on the values, not on the order they arrived in.
 */
public final class BoundedSortedSet<T extends Comparable<T>> {

  private final int limit;
  private final TreeSet<T> values = new TreeSet<>();

  public BoundedSortedSet(int limit) {
    this.limit = limit;
  }

  /** Adds {@code value} (ignored if null); returns whether the kept values changed. */
  public boolean add(T value) {
    if (value == null || !values.add(value)) {
      return false;
    }
    if (values.size() > limit) {
      T dropped = values.pollLast();
      return !dropped.equals(value);
    }
    return true;
  }

  public void addAll(Collection<T> more) {
    more.forEach(this::add);
  }

  public void clear() {
    values.clear();
  }

  public int size() {
    return values.size();
  }

  public boolean contains(T value) {
    return values.contains(value);
  }

  public List<T> toList() {
    return new ArrayList<>(values);
  }
}
