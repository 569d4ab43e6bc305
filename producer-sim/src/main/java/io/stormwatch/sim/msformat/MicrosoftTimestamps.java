package io.stormwatch.sim.msformat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats instants the way Microsoft's records print them.
 *
 * <ul>
 *   <li>Unified Audit Log {@code CreationTime} and {@code IssuedAtTime}: UTC to the second with no
 *       zone, {@code 2025-09-26T22:32:29};
 *   <li>Entra sign-in {@code time}: 100-nanosecond ticks and {@code Z}, {@code
 *       2022-03-17T09:44:46.3097429Z};
 *   <li>Entra sign-in {@code createdDateTime}: the same with {@code +00:00}.
 * </ul>
 */
public final class MicrosoftTimestamps {

  private MicrosoftTimestamps() {}

  /** {@code yyyy-MM-ddTHH:mm:ss}, UTC, no zone (sub-second part dropped). */
  public static String auditTime(Instant instant) {
    char[] out = new char[19];
    writeSeconds(instant, out);
    return new String(out);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.fffffffZ}. */
  public static String signInTime(Instant instant) {
    return withTicks(instant, "Z");
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.fffffff+00:00}. */
  public static String signInCreatedDateTime(Instant instant) {
    return withTicks(instant, "+00:00");
  }

  private static String withTicks(Instant instant, String zone) {
    char[] out = new char[27 + zone.length()];
    writeSeconds(instant, out);
    out[19] = '.';
    int ticks = instant.getNano() / 100;
    for (int i = 26; i >= 20; i--) {
      out[i] = (char) ('0' + ticks % 10);
      ticks /= 10;
    }
    zone.getChars(0, zone.length(), out, 27);
    return new String(out);
  }

  private static void writeSeconds(Instant instant, char[] out) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    digits(out, 0, t.getYear(), 4);
    out[4] = '-';
    digits(out, 5, t.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, t.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, t.getHour(), 2);
    out[13] = ':';
    digits(out, 14, t.getMinute(), 2);
    out[16] = ':';
    digits(out, 17, t.getSecond(), 2);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
