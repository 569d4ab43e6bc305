package io.stormwatch.ipintel;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An inclusive range of addresses of one family, as unsigned numbers, carrying a value.
 *
 * <p>Only used while building tables (converter and small in-memory instances), so {@link
 * BigInteger} keeps IPv4 and IPv6 on one code path.
 *
 * @param first first address of the range
 * @param last last address of the range, inclusive
 * @param value what the range maps to
 */
record AddressRange<V>(BigInteger first, BigInteger last, V value) {

  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException if {@code first} is negative or greater than {@code last}
   * @throws NullPointerException if any part is null
   */
  AddressRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(value, "value");
    if (first.signum() < 0 || first.compareTo(last) > 0) {
      throw new IllegalArgumentException("not a range: " + first + ".." + last);
    }
  }

  AddressRange<V> withBounds(BigInteger newFirst, BigInteger newLast) {
    return new AddressRange<>(newFirst, newLast, value);
  }
}
