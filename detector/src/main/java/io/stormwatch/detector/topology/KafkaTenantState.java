package io.stormwatch.detector.topology;

import io.stormwatch.detector.tenant.IssuanceIndex;
import io.stormwatch.detector.tenant.PendingUses;
import io.stormwatch.detector.tenant.TenantKeys;
import io.stormwatch.detector.tenant.TenantStateStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** The tenant stage's state on Kafka Streams state stores (and so on changelog topics). */
final class KafkaTenantState {

  private KafkaTenantState() {}

  static TenantStateStore context(KeyValueStore<String, byte[]> store) {
    return new TenantStateStore() {
      @Override
      public byte[] get(String key) {
        return store.get(key);
      }

      @Override
      public void put(String key, byte[] value) {
        store.put(key, value);
      }

      @Override
      public void delete(String key) {
        store.delete(key);
      }
    };
  }

  /**
   * Issuances in a window store: entries expire with the store's retention, so the index keeps only
   * what a lookback can still reach.
   */
  static IssuanceIndex issuance(WindowStore<String, Long> store) {
    return new IssuanceIndex() {
      @Override
      public void record(String key, long time) {
        store.put(key, time, time);
      }

      @Override
      public boolean issuedBetween(String key, long from, long to) {
        // Newest first: most uses present a token issued minutes before, so the first segment
        // searched usually holds it and the older ones are never opened.
        try (WindowStoreIterator<Long> found = store.backwardFetch(key, from, to)) {
          return found.hasNext();
        }
      }
    };
  }

  /** Pending uses keyed by padded due time: a range scan yields those due, in due order. */
  static PendingUses pending(KeyValueStore<String, byte[]> store) {
    return new PendingStore(store);
  }

  private static final class PendingStore implements PendingUses {

    private final KeyValueStore<String, byte[]> store;

    /**
     * The time up to which uses have been taken since this task started. Scans start after it: a
     * scan from the beginning would step over the deletions of every earlier take that RocksDB has
     * not compacted away yet, which after hours of traffic made each take cost a tenth of a second
     * and stalled the task. Unknown after a restart, so the first scan starts at the beginning.
     */
    private long takenUpTo = Long.MIN_VALUE / 2;

    PendingStore(KeyValueStore<String, byte[]> store) {
      this.store = store;
    }

    @Override
    public void add(long dueTime, String id, byte[] use) {
      // A use already due at the last take (a late record) is taken by the next one.
      store.put(TenantKeys.pending(Math.max(dueTime, takenUpTo + 1), id), use);
    }

    @Override
    public List<byte[]> takeDue(long time) {
      if (time <= takenUpTo) {
        return List.of();
      }
      List<String> keys = new ArrayList<>();
      List<byte[]> due = new ArrayList<>();
      try (KeyValueIterator<String, byte[]> it =
          store.range(
              TenantKeys.paddedTime(takenUpTo + 1), TenantKeys.paddedTime(time) + "|\uffff")) {
        while (it.hasNext()) {
          KeyValue<String, byte[]> entry = it.next();
          keys.add(entry.key);
          due.add(entry.value);
        }
      }
      keys.forEach(store::delete);
      takenUpTo = time;
      return due;
    }
  }
}
