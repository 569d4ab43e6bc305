package io.stormwatch.detector.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** The tenant stage's state in plain maps, for tests without Kafka. */
final class InMemoryTenantState implements TenantStateStore, IssuanceIndex, PendingUses {

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
  public void record(String key, long time) {
    issued.computeIfAbsent(key, k -> new TreeSet<>()).add(time);
  }

  @Override
  public boolean issuedBetween(String key, long from, long to) {
    TreeSet<Long> times = issued.get(key);
    return times != null && !times.subSet(from, true, to, true).isEmpty();
  }

  @Override
  public void add(String tenantId, long dueTime, String eventId, byte[] use) {
    pending.put(TenantKeys.pending(tenantId, dueTime, eventId), use);
  }

  @Override
  public List<byte[]> takeDue(String tenantId, long time) {
    var due =
        pending.subMap(
            tenantId + "|", true, tenantId + "|" + TenantKeys.paddedTime(time) + "|\uffff", true);
    List<byte[]> uses = new ArrayList<>(due.values());
    due.clear();
    return uses;
  }

  @Override
  public long earliestDue(String tenantId) {
    var first = pending.ceilingKey(tenantId + "|");
    if (first == null || !first.startsWith(tenantId + "|")) {
      return SignInFeed.NONE;
    }
    return TenantKeys.timeOf(first.split("\\|")[1]);
  }

  int pendingCount() {
    return pending.size();
  }
}
