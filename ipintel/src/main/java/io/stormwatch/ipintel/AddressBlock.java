package io.stormwatch.ipintel;

import java.math.BigInteger;

/**
 * A CIDR block ({@code "192.0.2.0/24"}, {@code "2001:db8::/32"}) or a single address, as an
 * inclusive numeric range of its family.
 *
 * @param ipv6 whether the block is IPv6
 * @param first first address of the block
 * @param last last address of the block, inclusive
 */
record AddressBlock(boolean ipv6, BigInteger first, BigInteger last) {

  /**
   * Parses CIDR notation, or a single address meaning a block of one.
   *
   * @throws IllegalArgumentException if the text is not an IPv4 or IPv6 address optionally followed
   *     by {@code /prefix-length}, if the address has bits set beyond the prefix, or if it is
   *     IPv4-mapped IPv6 (write those as IPv4: lookups of mapped addresses use the IPv4 table)
   */
  static AddressBlock parse(String cidr) {
    int slash = cidr.indexOf('/');
    String address = slash < 0 ? cidr : cidr.substring(0, slash);
    boolean ipv6 = address.indexOf(':') >= 0;
    int bits = ipv6 ? 128 : 32;
    int prefixLength = slash < 0 ? bits : parsePrefixLength(cidr, cidr.substring(slash + 1), bits);
    BigInteger first = ipv6 ? parseIpv6(cidr, address) : parseIpv4(cidr, address);
    BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE);
    if (first.and(hostMask).signum() != 0) {
      throw new IllegalArgumentException("address has bits set beyond the prefix: " + cidr);
    }
    return new AddressBlock(ipv6, first, first.or(hostMask));
  }

  private static int parsePrefixLength(String cidr, String text, int bits) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a prefix length: " + cidr);
    }
    int length = Integer.parseInt(text);
    if (length > bits) {
      throw new IllegalArgumentException("prefix length beyond " + bits + " bits: " + cidr);
    }
    return length;
  }

  private static BigInteger parseIpv4(String cidr, String address) {
    long value = IpLiteralParser.parseIpv4(address);
    if (value == IpLiteralParser.NOT_IPV4) {
      throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr);
    }
    return BigInteger.valueOf(value);
  }

  private static BigInteger parseIpv6(String cidr, String address) {
    Ipv6Address value = IpLiteralParser.parseIpv6(address);
    if (value == null) {
      throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr);
    }
    if (value.isIpv4Mapped()) {
      throw new IllegalArgumentException("write IPv4-mapped blocks in IPv4 form: " + cidr);
    }
    return unsigned(value.high()).shiftLeft(64).or(unsigned(value.low()));
  }

  private static BigInteger unsigned(long value) {
    return new BigInteger(Long.toUnsignedString(value));
  }
}
