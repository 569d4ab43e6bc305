package io.stormwatch.sim.world;

import java.util.SplittableRandom;

/**
 * An IPv4 CIDR block such as {@code 98.192.0.0/10}.
 *
 * @param base the network address as an unsigned 32-bit value held in a long
 * @param length the prefix length, 8..30
 */
public record Ipv4Prefix(long base, int length) {

  /**
   * @throws IllegalArgumentException if the length is outside 8..30 or host bits are set
   */
  public Ipv4Prefix {
    if (length < 8 || length > 30) {
      throw new IllegalArgumentException("prefix length must be 8..30, was " + length);
    }
    if ((base & ((1L << (32 - length)) - 1)) != 0) { // fields are not assigned yet here
      throw new IllegalArgumentException("host bits set in " + toDotted(base) + "/" + length);
    }
  }

  /**
   * Parses CIDR text.
   *
   * @throws IllegalArgumentException if the text is not {@code a.b.c.d/n}
   */
  public static Ipv4Prefix parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR block: " + cidr);
    }
    return new Ipv4Prefix(
        parseAddress(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
  }

  /**
   * Parses a dotted-quad address into an unsigned value.
   *
   * @throws IllegalArgumentException if the text is not a dotted quad
   */
  public static long parseAddress(String dotted) {
    String[] parts = dotted.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + dotted);
    }
    long value = 0;
    for (String part : parts) {
      int octet = Integer.parseInt(part);
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + dotted);
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  public static String toDotted(long address) {
    return ((address >>> 24) & 0xFF)
        + "."
        + ((address >>> 16) & 0xFF)
        + "."
        + ((address >>> 8) & 0xFF)
        + "."
        + (address & 0xFF);
  }

  public long size() {
    return 1L << (32 - length);
  }

  public long last() {
    return base + size() - 1;
  }

  public boolean contains(long address) {
    return address >= base && address <= last();
  }

  /** A random host address, never the network or broadcast address of the block. */
  public String randomHost(SplittableRandom rng) {
    return toDotted(base + 1 + rng.nextLong(size() - 2));
  }

  @Override
  public String toString() {
    return toDotted(base) + "/" + length;
  }
}
