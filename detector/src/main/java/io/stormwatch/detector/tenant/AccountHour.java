package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;

/** Mail items one account accessed in its current clock hour, feeding the tenant's peer volume. */
final class AccountHour {

  private static final int FORMAT_VERSION = 1;

  long hourStart;
  long items;

  byte[] encode() {
    return new BinaryStateWriter(FORMAT_VERSION)
        .writeLong(hourStart)
        .writeLong(items)
        .toByteArray();
  }

  static AccountHour decode(byte[] bytes) {
    BinaryStateReader in = new BinaryStateReader(bytes, FORMAT_VERSION, "account hour");
    AccountHour hour = new AccountHour();
    hour.hourStart = in.readLong();
    hour.items = in.readLong();
    return hour;
  }
}
