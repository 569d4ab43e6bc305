package io.stormwatch.ipintel;

/**
 * A 128-bit IPv6 address as two unsigned halves.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
record Ipv6Address(long high, long low) {

  private static final long IPV4_MAPPED_MARKER = 0xFFFFL;

  /** Returns whether this is an IPv4-mapped address ({@code ::ffff:a.b.c.d}). */
  boolean isIpv4Mapped() {
    return high == 0 && (low >>> 32) == IPV4_MAPPED_MARKER;
  }

  /** Returns the IPv4 address embedded in the last 32 bits, as an unsigned value. */
  long embeddedIpv4() {
    return low & 0xFFFF_FFFFL;
  }
}
