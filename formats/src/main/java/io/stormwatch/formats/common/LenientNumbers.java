package io.stormwatch.formats.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads whole numbers that Microsoft's logs write as JSON numbers or as strings, integral or not.
 *
 * <p>{@code 6}, {@code "6"}, {@code "1.0"}, {@code 1156492.00} and {@code "1e3"} all read as whole
 * numbers; {@code 1.5}, {@code "six"}, booleans and containers read as empty. Nothing here throws.
 */
public final class LenientNumbers {

  private LenientNumbers() {}

  /**
   * Reads a JSON value as an int.
   *
   * @param node a JSON number or string; may be null
   * @return the value, or empty when it is absent, not a whole number or outside the int range
   */
  public static OptionalInt intValue(JsonNode node) {
    OptionalLong value = longValue(node);
    if (value.isEmpty() || value.getAsLong() < Integer.MIN_VALUE) {
      return OptionalInt.empty();
    }
    return value.getAsLong() > Integer.MAX_VALUE
        ? OptionalInt.empty()
        : OptionalInt.of((int) value.getAsLong());
  }

  /**
   * Reads a JSON value as a long.
   *
   * @param node a JSON number or string; may be null
   * @return the value, or empty when it is absent, not a whole number or outside the long range
   */
  public static OptionalLong longValue(JsonNode node) {
    if (node == null) {
      return OptionalLong.empty();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? OptionalLong.of(node.longValue()) : OptionalLong.empty();
    }
    if (node.isNumber()) {
      return wholeValueOf(node.decimalValue());
    }
    if (node.isTextual()) {
      return longValue(node.textValue());
    }
    return OptionalLong.empty();
  }

  /**
   * Reads text as a long.
   *
   * @param text decimal digits with an optional sign, fraction of zeros or exponent; may be null
   * @return the value, or empty when the text is not a whole number within the long range
   */
  public static OptionalLong longValue(String text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    String value = text.strip();
    int length = value.length();
    int position = 0;
    if (position < length && (value.charAt(0) == '-' || value.charAt(0) == '+')) {
      position++;
    }
    int digitsStart = position;
    long magnitude = 0;
    while (position < length && isDigit(value.charAt(position))) {
      if (position - digitsStart >= 18) {
        return slowPath(value);
      }
      magnitude = magnitude * 10 + (value.charAt(position) - '0');
      position++;
    }
    if (position == digitsStart) {
      return OptionalLong.empty();
    }
    if (position < length && value.charAt(position) == '.') {
      position++;
      while (position < length && value.charAt(position) == '0') {
        position++;
      }
    }
    if (position < length) {
      // A non-zero fraction or an exponent: rare, so let BigDecimal decide.
      return slowPath(value);
    }
    return OptionalLong.of(value.charAt(0) == '-' ? -magnitude : magnitude);
  }

  private static OptionalLong slowPath(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return OptionalLong.empty();
      }
    }
    if (value.length() > 40) {
      return OptionalLong.empty();
    }
    try {
      return wholeValueOf(new BigDecimal(value));
    } catch (NumberFormatException notANumber) {
      return OptionalLong.empty();
    }
  }

  private static OptionalLong wholeValueOf(BigDecimal decimal) {
    // Exponents far outside the long range would make toBigInteger expensive; refuse them early.
    if (decimal.precision() - decimal.scale() > 19) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(decimal.longValueExact());
    } catch (ArithmeticException notWholeOrTooBig) {
      return OptionalLong.empty();
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
