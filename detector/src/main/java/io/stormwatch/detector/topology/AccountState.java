package io.stormwatch.detector.topology;

import io.stormwatch.detector.activity.AccountActivity;
import io.stormwatch.detector.incident.AccountIncident;
import io.stormwatch.detector.lateness.LatenessGate;
import io.stormwatch.detector.normalise.RecentRecordIds;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.detector.tenant.AccountHour;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the pipeline keeps about one account, stored as one entry: the account's lateness
 * watermark, its recent record ids (to drop re-deliveries), its current incident, when it is active
 * (weekday by hour) and each account rule's state, encoded by the rule's own codec and kept by rule
 * id. One entry rather than one per concern, because every store write costs a cache entry, a
 * RocksDB write and a changelog record, and every record of the account touches all of them.
 *
 * <p>The state of a rule that is switched off is carried along untouched, so switching it on again
 * finds it.
 *
 * <p>Version 1 held the watermark and the rules' states, the record ids were in a window store of
 * their own: read, it has no record ids (see {@link EarlierRecordIds}). Versions 1 and 2 had no
 * incident: read, the account's next alert opens one. Versions 1 to 3 had no activity: read, it
 * starts with the account's next record. Versions 1 to 4 had no hour of mail read: read, the tenant
 * stage takes it from where those releases kept it (see {@link
 * io.stormwatch.detector.tenant.TenantStage#takeStoredAccountHour}). Versions 2 to 5 kept all of
 * the account's record ids in the entry: read, none are older ones kept apart, and the entry's next
 * record moves them out if they are too many.
 */
final class AccountState {

  static final StateCodec<AccountState> CODEC =
      new BinaryStateCodec<>("account", 6) {
        @Override
        protected void write(AccountState state, BinaryStateWriter out) {
          out.writeLong(state.watermark);
          state.recordIds.write(out);
          out.writeInt(state.ruleStates.size());
          state.ruleStates.forEach((ruleId, bytes) -> out.writeString(ruleId).writeBytes(bytes));
          boolean hasIncident = state.incident != null && state.incident.id() != null;
          out.writeBoolean(hasIncident);
          if (hasIncident) {
            out.writeBytes(AccountIncident.CODEC.encode(state.incident));
          }
          out.writeBoolean(state.activity != null);
          if (state.activity != null) {
            out.writeBytes(AccountActivity.CODEC.encode(state.activity));
          }
          out.writeBoolean(state.mailHour != null);
          if (state.mailHour != null) {
            out.writeBytes(AccountHour.CODEC.encode(state.mailHour));
          }
        }

        @Override
        protected AccountState read(BinaryStateReader in, int version) {
          AccountState state = new AccountState();
          state.watermark = in.readLong();
          if (version >= 2) {
            state.recordIds = RecentRecordIds.read(in, version >= 6);
          }
          int rules = in.readInt();
          for (int i = 0; i < rules; i++) {
            state.ruleStates.put(in.readString(), in.readBytes());
          }
          if (version >= 3 && in.readBoolean()) {
            state.incident = AccountIncident.CODEC.decode(in.readBytes());
          }
          if (version >= 4 && in.readBoolean()) {
            state.activity = AccountActivity.CODEC.decode(in.readBytes());
          }
          if (version >= 5 && in.readBoolean()) {
            state.mailHour = AccountHour.CODEC.decode(in.readBytes());
          }
          return state;
        }
      };

  private long watermark = LatenessGate.NO_WATERMARK;
  private RecentRecordIds recordIds = new RecentRecordIds();
  private final Map<String, byte[]> ruleStates = new TreeMap<>();
  private AccountIncident incident;
  private AccountActivity activity;
  private AccountHour mailHour;

  long watermark() {
    return watermark;
  }

  void watermark(long watermark) {
    this.watermark = watermark;
  }

  RecentRecordIds recordIds() {
    return recordIds;
  }

  /** The account's current incident; one with no id before the account's first alert. */
  AccountIncident incident() {
    if (incident == null) {
      incident = new AccountIncident();
    }
    return incident;
  }

  /** When the account is active; none before its first record. */
  AccountActivity activity() {
    if (activity == null) {
      activity = new AccountActivity();
    }
    return activity;
  }

  /** The encoded state of rule {@code ruleId}, or null if it keeps none for this account. */
  byte[] ruleState(String ruleId) {
    return ruleStates.get(ruleId);
  }

  /** Sets the encoded state of rule {@code ruleId}; null removes it. */
  void ruleState(String ruleId, byte[] state) {
    if (state == null) {
      ruleStates.remove(ruleId);
    } else {
      ruleStates.put(ruleId, state);
    }
  }

  /** The account's current hour of mail read; null if this entry was written before version 5. */
  AccountHour mailHour() {
    return mailHour;
  }

  void mailHour(AccountHour mailHour) {
    this.mailHour = mailHour;
  }
}
