package io.stormwatch.detector.rules.mailclient;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mail clients one account has used, bounded in number, and when the account was first seen.
 */
public final class MailClientState {

  static final long NONE = Long.MIN_VALUE;

  long firstSeen = NONE;

  /** Client application id to the event time it was last used; sorted for deterministic ties. */
  final Map<String, Long> lastUsed = new TreeMap<>();

  void keepAtMost(int max) {
    while (lastUsed.size() > max) {
      lastUsed.entrySet().stream()
          .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey)
          .ifPresent(lastUsed::remove);
    }
  }

  static final StateCodec<MailClientState> CODEC =
      new BinaryStateCodec<>("unusual-mail-client", 1) {
        @Override
        protected void write(MailClientState state, BinaryStateWriter out) {
          out.writeLong(state.firstSeen).writeInt(state.lastUsed.size());
          state.lastUsed.forEach((app, time) -> out.writeString(app).writeLong(time));
        }

        @Override
        protected MailClientState read(BinaryStateReader in, int version) {
          MailClientState state = new MailClientState();
          state.firstSeen = in.readLong();
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            state.lastUsed.put(in.readString(), in.readLong());
          }
          return state;
        }
      };
}
