package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/** Mail items one account accessed in its current clock hour, feeding the tenant's peer volume. */
final class AccountHour {

  static final StateCodec<AccountHour> CODEC =
      new BinaryStateCodec<>("account hour", 1) {
        @Override
        protected void write(AccountHour hour, BinaryStateWriter out) {
          out.writeLong(hour.hourStart).writeLong(hour.items);
        }

        @Override
        protected AccountHour read(BinaryStateReader in, int version) {
          AccountHour hour = new AccountHour();
          hour.hourStart = in.readLong();
          hour.items = in.readLong();
          return hour;
        }
      };

  long hourStart;
  long items;
}
