package io.stormwatch.detector.tenant;

import java.util.Locale;

/** Keys of the tenant stage's state: a kind prefix, the tenant, then what is counted. */
public final class TenantKeys {

  private TenantKeys() {}

  static String feed(String tenant) {
    return "feed|" + tenant;
  }

  static String network(String tenant, long asn) {
    return "asn|" + tenant + "|" + asn;
  }

  static String app(String tenant, String clientAppId) {
    return "app|" + tenant + "|" + clientAppId;
  }

  static String peerVolume(String tenant) {
    return "peer|" + tenant;
  }

  static String accountHour(String tenant, String account) {
    return "hour|" + tenant + "|" + account;
  }

  public static String orphanIncident(String tenant, String account) {
    return "orphan|" + tenant + "|" + account;
  }

  public static String issuedToken(String tenant, String uti) {
    return tenant + "|uti|" + uti;
  }

  public static String issuedSession(String tenant, String sessionId) {
    return tenant + "|sid|" + sessionId;
  }

  /** Key of a pending use: zero-padded due time first, so that keys sort by due time. */
  public static String pending(long dueTime, String id) {
    return paddedTime(dueTime) + "|" + id;
  }

  /** A time as fixed-width text that sorts like the time; negative times (before 1970) included. */
  public static String paddedTime(long epochMillis) {
    return String.format(Locale.ROOT, "%020d", epochMillis - PADDING_OFFSET);
  }

  /** Reads back what {@link #paddedTime} wrote. */
  public static long timeOf(String padded) {
    return Long.parseLong(padded) + PADDING_OFFSET;
  }

  private static final long PADDING_OFFSET = Long.MIN_VALUE / 2;
}
