package io.stormwatch.detector.topology;

import io.stormwatch.detector.normalise.RecentRecordIds;
import org.apache.kafka.streams.state.KeyValueStore;

/** One account's older record ids, under its account key in a store of their own. */
final class StoredOlderRecordIds implements RecentRecordIds.OlderRecordIds {

  private final KeyValueStore<String, byte[]> store;
  private final String accountKey;

  StoredOlderRecordIds(KeyValueStore<String, byte[]> store, String accountKey) {
    this.store = store;
    this.accountKey = accountKey;
  }

  @Override
  public RecentRecordIds read() {
    byte[] stored = store.get(accountKey);
    return stored == null ? new RecentRecordIds() : RecentRecordIds.OLDER_CODEC.decode(stored);
  }

  @Override
  public void write(RecentRecordIds ids) {
    store.put(accountKey, RecentRecordIds.OLDER_CODEC.encode(ids));
  }

  @Override
  public void delete() {
    store.delete(accountKey);
  }
}
