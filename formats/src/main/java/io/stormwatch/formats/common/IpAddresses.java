package io.stormwatch.formats.common;

import java.util.Optional;

/**
 * Normalises the IP literals found in audit records to a canonical form, without name resolution.
 *
 * <p>Microsoft's logs write one address in many ways: {@code 10.11.12.13:12345}, {@code
 * [10.11.12.13]}, {@code [2001:DB8::ABCD]:443}, {@code ::ffff:10.11.12.13}. Detections compare
 * addresses as strings, so every spelling of one address must come out the same: IPv4 in dotted
 * decimal, IPv4-mapped IPv6 as IPv4, other IPv6 in RFC 5952 form (lower case, zeros compressed).
 * Host names and junk yield empty; nothing here ever performs a DNS lookup.
 */
public final class IpAddresses {

  private IpAddresses() {}

  /**
   * Returns the canonical form of an IP literal, with any port, brackets and IPv6 zone removed.
   *
   * @param raw the value as written in a record; may be null
   * @return the address, or empty when {@code raw} is null, blank, a host name or not an address
   */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String host = hostPart(raw.strip());
    if (host == null || host.isEmpty()) {
      return Optional.empty();
    }
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    if (host.indexOf(':') >= 0) {
      byte[] address = parseIpv6(host);
      return address == null ? Optional.empty() : Optional.of(formatIpv6(address));
    }
    byte[] address = new byte[4];
    return parseIpv4(host, 0, host.length(), address, 0)
        ? Optional.of(formatIpv4(address, 0))
        : Optional.empty();
  }

  /** Strips {@code [..]} and a {@code :port}; returns null when the shape is not host[:port]. */
  private static String hostPart(String value) {
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        return null;
      }
      String rest = value.substring(close + 1);
      if (!rest.isEmpty() && !isPortSuffix(rest)) {
        return null;
      }
      return value.substring(1, close);
    }
    int firstColon = value.indexOf(':');
    if (firstColon >= 0 && firstColon == value.lastIndexOf(':')) {
      // Exactly one colon: IPv4 (or a name) with a port. Bare IPv6 always has two or more.
      return isPortSuffix(value.substring(firstColon)) ? value.substring(0, firstColon) : null;
    }
    return value;
  }

  private static boolean isPortSuffix(String suffix) {
    if (suffix.length() < 2 || suffix.length() > 6 || suffix.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < suffix.length(); i++) {
      if (!isDigit(suffix.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Parses dotted-decimal IPv4 in {@code s[from, to)} into {@code out[at..at+3]}. */
  private static boolean parseIpv4(String s, int from, int to, byte[] out, int at) {
    int octet = 0;
    int position = from;
    while (octet < 4) {
      int start = position;
      int value = 0;
      while (position < to && isDigit(s.charAt(position)) && position - start < 3) {
        value = value * 10 + (s.charAt(position) - '0');
        position++;
      }
      if (position == start || value > 255) {
        return false;
      }
      out[at + octet] = (byte) value;
      octet++;
      if (octet < 4) {
        if (position >= to || s.charAt(position) != '.') {
          return false;
        }
        position++;
      }
    }
    return position == to;
  }

  /** Parses an IPv6 literal (with optional embedded IPv4 tail) to 16 bytes, or null. */
  private static byte[] parseIpv6(String s) {
    byte[] out = new byte[16];
    int length = s.length();
    int position = 0;
    int written = 0;
    int gapAt = -1;
    if (s.startsWith("::")) {
      gapAt = 0;
      position = 2;
    } else if (s.startsWith(":")) {
      return null;
    }
    while (position < length) {
      if (written >= 16) {
        return null;
      }
      int start = position;
      int value = 0;
      while (position < length && position - start < 4 && hexValue(s.charAt(position)) >= 0) {
        value = (value << 4) | hexValue(s.charAt(position));
        position++;
      }
      if (position < length && s.charAt(position) == '.') {
        // Embedded IPv4 takes the last 32 bits.
        if (written > 12 || !parseIpv4(s, start, length, out, written)) {
          return null;
        }
        written += 4;
        position = length;
        break;
      }
      if (position == start) {
        return null;
      }
      out[written++] = (byte) (value >> 8);
      out[written++] = (byte) value;
      if (position == length) {
        break;
      }
      if (s.charAt(position) != ':') {
        return null;
      }
      position++;
      if (position < length && s.charAt(position) == ':') {
        if (gapAt >= 0) {
          return null;
        }
        gapAt = written;
        position++;
      } else if (position == length) {
        return null;
      }
    }
    if (gapAt < 0) {
      return written == 16 ? out : null;
    }
    if (written == 16) {
      return null;
    }
    int tail = written - gapAt;
    System.arraycopy(out, gapAt, out, 16 - tail, tail);
    for (int i = gapAt; i < 16 - tail; i++) {
      out[i] = 0;
    }
    return out;
  }

  private static String formatIpv6(byte[] address) {
    if (isIpv4Mapped(address)) {
      return formatIpv4(address, 12);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
    }
    // RFC 5952: compress the longest run of two or more zero groups, the first one on a tie.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int runStart = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - runStart > bestLength) {
        bestStart = runStart;
        bestLength = i - runStart;
      }
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  private static boolean isIpv4Mapped(byte[] address) {
    for (int i = 0; i < 10; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
  }

  private static String formatIpv4(byte[] address, int at) {
    return (address[at] & 0xff)
        + "."
        + (address[at + 1] & 0xff)
        + "."
        + (address[at + 2] & 0xff)
        + "."
        + (address[at + 3] & 0xff);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
