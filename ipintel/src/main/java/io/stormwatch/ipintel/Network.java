package io.stormwatch.ipintel;

/**
 * What is known about the network an IP address belongs to.
 *
 * <p>The two sources are independent: an address can have a country but no autonomous system, or
 * the reverse. Unknown parts are {@code 0} (for {@code asn}; AS 0 is reserved and never announced,
 * RFC 7607) or {@code null}; at least one part is always known.
 *
 * @param asn autonomous system number, {@code 1..4294967295}, or {@code 0} when unknown
 * @param organisation name of the organisation holding the autonomous system, or {@code null} when
 *     unknown; only present together with an {@code asn}
 * @param country ISO 3166-1 alpha-2 code in upper case (e.g. {@code "US"}), or {@code null} when
 *     unknown
 */
public record Network(long asn, String organisation, String country) {

  static final long UNKNOWN_ASN = 0;
  static final long MAX_ASN = 0xFFFF_FFFFL;

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if {@code asn} is outside {@code 0..4294967295}, the
   *     organisation is blank or given without an asn, the country is not two letters {@code A-Z},
   *     or nothing at all is known
   */
  public Network {
    if (asn < 0 || asn > MAX_ASN) {
      throw new IllegalArgumentException("asn out of range 0..4294967295: " + asn);
    }
    if (organisation != null) {
      if (organisation.isBlank()) {
        throw new IllegalArgumentException("organisation is blank; use null when unknown");
      }
      if (asn == UNKNOWN_ASN) {
        throw new IllegalArgumentException("organisation '" + organisation + "' without an asn");
      }
    }
    if (country != null && !isAlpha2(country)) {
      throw new IllegalArgumentException("country is not ISO 3166-1 alpha-2: '" + country + "'");
    }
    if (asn == UNKNOWN_ASN && country == null) {
      throw new IllegalArgumentException("a network needs an asn or a country");
    }
  }

  /** Returns whether the autonomous system is known. */
  public boolean hasAsn() {
    return asn != UNKNOWN_ASN;
  }

  /** Returns whether the country is known. */
  public boolean hasCountry() {
    return country != null;
  }

  private static boolean isAlpha2(String code) {
    return code.length() == 2
        && isUpperAsciiLetter(code.charAt(0))
        && isUpperAsciiLetter(code.charAt(1));
  }

  private static boolean isUpperAsciiLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
