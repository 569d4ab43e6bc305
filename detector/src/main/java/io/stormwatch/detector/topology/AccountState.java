package io.stormwatch.detector.topology;

import io.stormwatch.detector.lateness.LatenessGate;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the account-level detections keep about one account, stored as one entry: the
 * account's lateness watermark and each rule's state, encoded by the rule's own codec and kept by
 * rule id. One entry rather than one per rule, because every store write costs a cache entry, a
 * RocksDB write and a changelog record, and an event touches every rule.
 *
 * <p>The state of a rule that is switched off is carried along untouched, so switching it on again
 * finds it.
 */
final class AccountState {

  private static final int FORMAT_VERSION = 1;

  private long watermark = LatenessGate.NO_WATERMARK;
  private final Map<String, byte[]> ruleStates = new TreeMap<>();

  long watermark() {
    return watermark;
  }

  void watermark(long watermark) {
    this.watermark = watermark;
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

  byte[] encode() {
    BinaryStateWriter out = new BinaryStateWriter(FORMAT_VERSION).writeLong(watermark);
    out.writeInt(ruleStates.size());
    ruleStates.forEach((ruleId, state) -> out.writeString(ruleId).writeBytes(state));
    return out.toByteArray();
  }

  static AccountState decode(byte[] bytes) {
    BinaryStateReader in = new BinaryStateReader(bytes, FORMAT_VERSION, "account");
    AccountState state = new AccountState();
    state.watermark = in.readLong();
    int rules = in.readInt();
    for (int i = 0; i < rules; i++) {
      state.ruleStates.put(in.readString(), in.readBytes());
    }
    return state;
  }
}
