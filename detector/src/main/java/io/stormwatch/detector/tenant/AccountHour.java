package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/**
 * Mail items one account read in its current clock hour, feeding the tenant's peer volume. Kept in
 * the account's own state entry, which every record of the account writes anyway (before format
 * version 5 of that entry, under its own key in the tenant stage's store: one more write per mail
 * record).
 */
public final class AccountHour {

  public static final StateCodec<AccountHour> CODEC =
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
