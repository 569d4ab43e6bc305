package io.stormwatch.ipintel;

/**
 * Parses IP address literals by hand.
 *
 * <p>{@code InetAddress.getByName} would resolve anything that is not a literal through DNS, which
 * is slow and leaks lookups of attacker-chosen names; these methods only ever look at characters
 * and never throw on malformed input.
 */
final class IpLiteralParser {

  /** Returned by the IPv4 parsers when the text is not an IPv4 literal. */
  static final long NOT_IPV4 = -1;

  // For each ASCII character, its hex digit value plus one (0 for none). Whether the next digit is
  // 0-9 or a-f is a coin toss, and range checks that mispredict made IPv6 parsing twice as slow as
  // this lookup. A String rather than an array, so the table cannot be changed.
  private static final String HEX_VALUES = hexValueTable();

  // "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"
  private static final int MAX_IPV6_LENGTH = 45;
  private static final int IPV6_GROUPS = 8;

  private IpLiteralParser() {}

  /**
   * Parses dotted-quad IPv4 ({@code "192.0.2.1"}) into an unsigned 32-bit value.
   *
   * <p>Octets with leading zeros are rejected because some parsers read them as octal.
   *
   * @return the address, or {@link #NOT_IPV4} if {@code text} is null or not such a literal
   */
  static long parseIpv4(String text) {
    return text == null ? NOT_IPV4 : parseIpv4(text, 0, text.length());
  }

  /** Parses {@code text[from, to)} like {@link #parseIpv4(String)}. */
  static long parseIpv4(String text, int from, int to) {
    long address = 0;
    int octets = 0;
    int i = from;
    while (true) {
      int octetStart = i;
      int octet = 0;
      while (i < to && i - octetStart < 3 && isDecimalDigit(text.charAt(i))) {
        octet = octet * 10 + (text.charAt(i) - '0');
        i++;
      }
      int digits = i - octetStart;
      if (digits == 0 || octet > 255 || (digits > 1 && text.charAt(octetStart) == '0')) {
        return NOT_IPV4;
      }
      address = (address << 8) | octet;
      octets++;
      if (octets == 4) {
        return i == to ? address : NOT_IPV4;
      }
      if (i >= to || text.charAt(i) != '.') {
        return NOT_IPV4;
      }
      i++;
    }
  }

  /**
   * Parses an IPv6 literal as written in RFC 4291 section 2.2: hexadecimal groups, at most one
   * {@code ::}, optionally ending in a dotted-quad IPv4 address. Zone ids ({@code %eth0}) and
   * brackets are rejected.
   *
   * @return the address, or {@code null} if {@code text} is null or not such a literal
   */
  static Ipv6Address parseIpv6(String text) {
    if (text == null || text.length() < 2 || text.length() > MAX_IPV6_LENGTH) {
      return null;
    }
    int length = text.length();
    int[] groups = new int[IPV6_GROUPS];
    int count = 0;
    int gapAt = -1;
    int i = 0;
    if (text.charAt(0) == ':') {
      if (text.charAt(1) != ':') {
        return null;
      }
      gapAt = 0;
      i = 2;
    }
    while (i < length) {
      int groupStart = i;
      int group = 0;
      while (i < length && i - groupStart < 4) {
        int digit = hexValue(text.charAt(i));
        if (digit < 0) {
          break;
        }
        group = (group << 4) | digit;
        i++;
      }
      if (i < length && text.charAt(i) == '.') {
        if (count > IPV6_GROUPS - 2) {
          return null;
        }
        long ipv4 = parseIpv4(text, groupStart, length);
        if (ipv4 == NOT_IPV4) {
          return null;
        }
        groups[count++] = (int) (ipv4 >>> 16);
        groups[count++] = (int) (ipv4 & 0xFFFF);
        break;
      }
      if (i == groupStart || count == IPV6_GROUPS) {
        return null;
      }
      groups[count++] = group;
      if (i == length) {
        break;
      }
      if (text.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < length && text.charAt(i) == ':') {
        if (gapAt >= 0) {
          return null;
        }
        gapAt = count;
        i++;
      } else if (i == length) {
        return null;
      }
    }
    boolean complete = gapAt < 0 ? count == IPV6_GROUPS : count < IPV6_GROUPS;
    return complete ? assemble(groups, count, gapAt) : null;
  }

  private static Ipv6Address assemble(int[] groups, int count, int gapAt) {
    int zeros = IPV6_GROUPS - count;
    long high = 0;
    long low = 0;
    for (int position = 0; position < IPV6_GROUPS; position++) {
      long group;
      if (gapAt < 0 || position < gapAt) {
        group = groups[position];
      } else if (position < gapAt + zeros) {
        group = 0;
      } else {
        group = groups[position - zeros];
      }
      if (position < IPV6_GROUPS / 2) {
        high = (high << 16) | group;
      } else {
        low = (low << 16) | group;
      }
    }
    return new Ipv6Address(high, low);
  }

  private static boolean isDecimalDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // Value of a hex digit, or -1.
  private static int hexValue(char c) {
    return c < HEX_VALUES.length() ? HEX_VALUES.charAt(c) - 1 : -1;
  }

  private static String hexValueTable() {
    StringBuilder table = new StringBuilder();
    for (char c = 0; c < 128; c++) {
      int value = Character.digit(c, 16);
      table.append((char) (value + 1));
    }
    return table.toString();
  }
}
