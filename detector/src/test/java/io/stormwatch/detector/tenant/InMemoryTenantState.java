package io.stormwatch.detector.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** The tenant stage's state in plain maps, for tests without Kafka. */
public final class InMemoryTenantState implements TenantStateStore, IssuanceIndex, PendingUses {

  private final Map<String, byte[]> values = new TreeMap<>();
  private final Map<String, TreeSet<Long>> issued = new TreeMap<>();
  private final NavigableMap<String, byte[]> pending = new TreeMap<>();

  @Override
  public byte[] get(String key) {
    return values.get(key);
  }

  @Override
  public void put(String key, byte[] value) {
    values.put(key, value);
  }

  @Override
  public void delete(String key) {
    values.remove(key);
  }

  @Override
  public void record(String key, long time) {
    issued.computeIfAbsent(key, k -> new TreeSet<>()).add(time);
  }

  @Override
  public boolean issuedBetween(String key, long from, long to) {
    TreeSet<Long> times = issued.get(key);
    return times != null && !times.subSet(from, true, to, true).isEmpty();
  }

  @Override
  public void add(long dueTime, String id, byte[] use) {
    pending.put(TenantKeys.pending(dueTime, id), use);
  }

  /** How many token uses await their check. */
  public int pendingUses() {
    return pending.size();
  }

  @Override
  public List<byte[]> takeDue(long time) {
    var due = pending.headMap(TenantKeys.paddedTime(time) + "|\uffff", true);
    List<byte[]> uses = new ArrayList<>(due.values());
    due.clear();
    return uses;
  }
}
