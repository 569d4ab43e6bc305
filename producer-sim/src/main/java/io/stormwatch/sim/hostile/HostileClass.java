package io.stormwatch.sim.hostile;

import java.util.Locale;

/**
 * What was done to a valid record to make it hostile: the label of every generated record, so that
 * the pipeline's answer to each kind of bad input can be counted apart.
 */
public enum HostileClass {
  VALID("unchanged simulated records"),
  DUPLICATE("exact re-deliveries of a valid record sent within the hour before"),
  TRUNCATED_JSON("a record cut off at a random byte"),
  DEEP_NESTING("a field nested deeper than the limit, up to 50,000 levels"),
  HUGE_VALUE("a 10 MB string value"),
  WRONG_TYPES("a field holding another JSON type: numbers, objects, arrays, null, 2,000 digits"),
  INVALID_UTF8("invalid UTF-8 in a string: bad continuations, overlongs, surrogates, 0xFF"),
  NUL_BYTES("NUL bytes, raw or escaped as \\u0000"),
  YEAR_1970("an event time in 1970, on a record stamped 1970"),
  YEAR_2999(
      "an event time in 2999 (stamped 2999, or with its feed's time), or a valid record stamped 2999"),
  IPV6_ODDITIES("client addresses with zones, IPv4-mapped, brackets and ports, and garbage"),
  HUGE_ARRAY_BLOB("content blobs holding a record with a huge array, or more records than allowed"),
  RANDOM_BYTES("random bytes, empty and blank values"),
  LONG_LINE("a replayed file with a line of a gigabyte without its end"),
  GZIP_BOMB("a replayed gzip file that expands a thousand times");

  private final String description;

  HostileClass(String description) {
    this.description = description;
  }

  /** The kebab-case name shown in reports and written into generated record ids. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String description() {
    return description;
  }

  /** The class whose {@link #code()} is {@code code}, or null. */
  public static HostileClass ofCode(String code) {
    for (HostileClass hostileClass : values()) {
      if (hostileClass.code().equals(code)) {
        return hostileClass;
      }
    }
    return null;
  }
}
