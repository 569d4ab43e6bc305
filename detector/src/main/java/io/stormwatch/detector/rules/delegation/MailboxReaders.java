package io.stormwatch.detector.rules.delegation;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The accounts other than its owner that have read one mailbox, the day each last did, and those
 * whose first read was reported, whose further reads go into their incident while it is open.
 */
final class MailboxReaders {

  /** Reader to the start (UTC) of the day it last read the mailbox; sorted for stable bytes. */
  final Map<String, Long> lastDay = new TreeMap<>();

  /** Readers whose first read of the mailbox opened or joined an incident of theirs. */
  final Set<String> reported = new TreeSet<>();

  /** Forgets the reader seen longest ago while more than {@code max} are remembered. */
  void keepAtMost(int max) {
    while (lastDay.size() > max) {
      lastDay.entrySet().stream()
          .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey)
          .ifPresent(lastDay::remove);
    }
    reported.retainAll(lastDay.keySet());
  }

  static final StateCodec<MailboxReaders> CODEC =
      new BinaryStateCodec<>("mailbox-delegate-access readers", 1) {
        @Override
        protected void write(MailboxReaders readers, BinaryStateWriter out) {
          out.writeInt(readers.lastDay.size());
          readers.lastDay.forEach((reader, day) -> out.writeString(reader).writeLong(day));
          out.writeStrings(readers.reported);
        }

        @Override
        protected MailboxReaders read(BinaryStateReader in, int version) {
          MailboxReaders readers = new MailboxReaders();
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            readers.lastDay.put(in.readString(), in.readLong());
          }
          readers.reported.addAll(in.readStrings());
          return readers;
        }
      };
}
