package io.stormwatch.formats.common;

/** Quotes record values inside rejection reasons, bounded so a huge value cannot flood a log. */
public final class TextSnippets {
  private static final int MAX_QUOTED_CHARS = 80;

  private TextSnippets() {}

  /**
   * Quotes a value for a reason, e.g. {@code '2020-13-45'}, cut to 80 characters.
   *
   * @param value the value to quote; may be null
   * @return the quoted value
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return value.length() <= MAX_QUOTED_CHARS
        ? "'" + value + "'"
        : "'" + value.substring(0, MAX_QUOTED_CHARS) + "…' (" + value.length() + " chars)";
  }
}
