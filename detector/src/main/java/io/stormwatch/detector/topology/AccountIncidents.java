package io.stormwatch.detector.topology;

import io.stormwatch.detector.incident.IncidentLinker;
import io.stormwatch.schemas.avro.Alert;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Links alerts into their accounts' incidents, which live in the accounts' state entries. The
 * account of the record being processed has its state in hand (stored by the account detections
 * after the record); any other account's entry is read and written here. All of a tenant's accounts
 * are in one task, so any account an alert names is in this task's store.
 */
final class AccountIncidents {

  private final IncidentLinker linker;
  private final KeyValueStore<String, byte[]> accounts;

  AccountIncidents(IncidentLinker linker, KeyValueStore<String, byte[]> accounts) {
    this.linker = linker;
    this.accounts = accounts;
  }

  /**
   * Links {@code alert} into its account's incident.
   *
   * @param currentKey the key of the account whose record is being processed
   * @param currentState that account's state, not yet stored; null if it is stored already
   */
  void link(Alert alert, String currentKey, AccountState currentState) {
    if (!IncidentLinker.linkable(alert)) {
      return;
    }
    String key = AccountKey.of(alert.getTenantId(), alert.getAccountId());
    if (currentState != null && key.equals(currentKey)) {
      linker.link(currentState.incident(), currentState.activity(), alert);
      return;
    }
    byte[] stored = accounts.get(key);
    AccountState state = stored == null ? new AccountState() : AccountState.CODEC.decode(stored);
    linker.link(state.incident(), state.activity(), alert);
    accounts.put(key, AccountState.CODEC.encode(state));
  }
}
