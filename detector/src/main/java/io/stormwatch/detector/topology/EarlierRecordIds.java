package io.stormwatch.detector.topology;

import io.stormwatch.schemas.avro.AuditEvent;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The record ids that releases before this one remembered in a window store of their own, to drop
 * re-deliveries: read, never written, so that a record delivered again after an upgrade is still
 * recognised as long as that store holds its id (the dedupe window). Records are remembered in
 * their account's state now ({@link AccountState}); a store that holds nothing, as in any
 * deployment that started with this release, is never read.
 */
final class EarlierRecordIds {

  private final WindowStore<String, Long> store;

  /** Whether the store holds nothing; looked at once, on the first question. */
  private Boolean empty;

  EarlierRecordIds(WindowStore<String, Long> store) {
    this.store = store;
  }

  /** Whether {@code event}'s record was processed by a release before this one. */
  boolean seen(AuditEvent event) {
    if (empty == null) {
      try (KeyValueIterator<Windowed<String>, Long> all = store.all()) {
        empty = !all.hasNext();
      }
    }
    if (empty) {
      return false;
    }
    // The key and time the earlier releases stored a record under.
    String key = event.getSource() + "|" + event.getTenantId() + "|" + event.getEventId();
    return store.fetch(key, event.getEventTime().toEpochMilli()) != null;
  }
}
