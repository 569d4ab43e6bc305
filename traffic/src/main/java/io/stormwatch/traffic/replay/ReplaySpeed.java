package io.stormwatch.traffic.replay;

import java.util.Locale;

/**
 * How fast event time passes during a replay, relative to the wall clock.
 *
 * @param factor event-time seconds per wall-clock second; infinite for {@link #MAX}
 */
public record ReplaySpeed(double factor) {

  /** As fast as the cluster takes the records. */
  public static final ReplaySpeed MAX = new ReplaySpeed(Double.POSITIVE_INFINITY);

  /** The pace the events happened at. */
  public static final ReplaySpeed REAL_TIME = new ReplaySpeed(1);

  /**
   * @throws IllegalArgumentException if the factor is not positive
   */
  public ReplaySpeed {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("speed must be positive, was " + factor);
    }
  }

  /**
   * Reads {@code max}, or a factor such as {@code 1x}, {@code 60x} or {@code 0.5x} (the {@code x}
   * may be left out).
   *
   * @throws IllegalArgumentException if the text is neither
   */
  public static ReplaySpeed parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("max")) {
      return MAX;
    }
    String number = value.endsWith("x") ? value.substring(0, value.length() - 1) : value;
    try {
      double factor = Double.parseDouble(number);
      if (Double.isFinite(factor) && factor > 0) {
        return new ReplaySpeed(factor);
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a speed: write max, or a factor such as 1x or 60x");
  }

  public boolean isMax() {
    return Double.isInfinite(factor);
  }

  @Override
  public String toString() {
    if (isMax()) {
      return "max";
    }
    return (factor == Math.rint(factor)
            ? Long.toString((long) factor)
            : String.format(Locale.ROOT, "%s", factor))
        + "x";
  }
}
