package io.stormwatch.detector.tenant;

import java.util.Locale;

/** Keys of the tenant stage's state: a kind prefix, the tenant, then what is counted. */
public final class TenantKeys {

  private TenantKeys() {}

  /** The stream time of the next check of due token uses, one per task's store. */
  static String nextCheck() {
    return "check|next";
  }

  static String feed(String tenant) {
    return "feed|" + tenant;
  }

  static String signIns(String tenant) {
    return "signins|" + tenant;
  }

  static String network(String tenant, long asn) {
    return "asn|" + tenant + "|" + asn;
  }

  static String app(String tenant, String clientAppId) {
    return "app|" + tenant + "|" + clientAppId;
  }

  /** Where releases before tenant entry version 3 kept the tenant's peer volume. */
  static String peerVolume(String tenant) {
    return "peer|" + tenant;
  }

  static String mailDomains(String tenant) {
    return "maildomains|" + tenant;
  }

  /** Where releases before account entry version 5 kept an account's hour of mail read. */
  static String accountHour(String tenant, String account) {
    return "hour|" + tenant + "|" + account;
  }

  static String issuedToken(String tenant, String uti) {
    return tenant + "|uti|" + uti;
  }

  static String issuedSession(String tenant, String sessionId) {
    return tenant + "|sid|" + sessionId;
  }

  /** Key of a pending use: zero-padded due time first, so that keys sort by due time. */
  public static String pending(long dueTime, String id) {
    return paddedTime(dueTime) + "|" + id;
  }

  /** A time as fixed-width text that sorts like the time; negative times (before 1970) included. */
  public static String paddedTime(long epochMillis) {
    long shifted = epochMillis - PADDING_OFFSET;
    if (shifted < 0) {
      return String.format(Locale.ROOT, "%020d", shifted); // before 292 million BC: never
    }
    // Called for every token use; String.format would cost more than the rest of the key.
    String digits = Long.toString(shifted);
    return "0".repeat(PADDED_WIDTH - digits.length()) + digits;
  }

  /** Reads back what {@link #paddedTime} wrote. */
  public static long timeOf(String padded) {
    return Long.parseLong(padded) + PADDING_OFFSET;
  }

  private static final long PADDING_OFFSET = Long.MIN_VALUE / 2;
  private static final int PADDED_WIDTH = 20;
}
