package io.stormwatch.detector.config.types;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Durations in configuration, written the way people write them: {@code 90s}, {@code 15m}, {@code
 * 2h}, {@code 14d}, or ISO-8601 ({@code PT2H}).
 */
public final class DurationValue {

  private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private DurationValue() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException if the text is not a duration in one of the accepted forms
   */
  public static Duration parse(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT_FORM.matcher(trimmed);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write e.g. 90s, 15m, 2h, 14d or PT2H", e);
    }
  }

  /** Writes a duration in the short form {@link #parse} reads, e.g. {@code 2h}. */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    if (ms % 86_400_000L == 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    }
    if (ms % 1000L == 0) {
      return ms / 1000L + "s";
    }
    return ms + "ms";
  }

  /** A validator for a duration key that must lie within [{@code min}, {@code max}]. */
  public static ConfigDef.Validator between(Duration min, Duration max) {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        Duration parsed;
        try {
          parsed = parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(name, value, e.getMessage());
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
          throw new ConfigException(
              name, value, "must be between " + format(min) + " and " + format(max));
        }
      }

      @Override
      public String toString() {
        return "[" + format(min) + ",...," + format(max) + "]";
      }
    };
  }
}
