package io.stormwatch.formats.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads the timestamp spellings found in Microsoft audit logs, without exceptions or regexes.
 *
 * <p>Accepted forms (a missing zone means UTC, which is what every Microsoft audit source writes):
 *
 * <ul>
 *   <li>ISO 8601 local or offset date-time, {@code T} or a space between date and time, 0 to 9
 *       fraction digits (more are truncated), then nothing, {@code Z} or an offset such as {@code
 *       +02:00}, {@code -0500} or {@code +01}: {@code 2020-02-17T17:12:03}, {@code
 *       2007-01-09T09:41:00.535404056Z}, {@code 2019-10-18T04:45:48.0729893-05:00};
 *   <li>US-locale month/day/year with a 12-hour clock and AM/PM, or a 24-hour clock, optionally
 *       followed by an offset: {@code 9/20/2023 4:05:03 AM}, {@code 1/9/2007 10:41:00 AM +01:00},
 *       {@code 01/09/2007 09:41:00}. Day-first dates are not guessed: {@code 13/01/2007 ...} is
 *       refused rather than silently read another way.
 * </ul>
 */
public final class AuditTimestamps {

  private AuditTimestamps() {}

  /**
   * Parses an audit timestamp to an instant.
   *
   * @param text the value as written in a record; may be null
   * @return the instant, or empty when {@code text} is null, blank or not a timestamp
   */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    if (value.length() >= 10 && value.charAt(4) == '-') {
      return Optional.ofNullable(new Scanner(value).iso());
    }
    if (value.indexOf('/') > 0) {
      return Optional.ofNullable(new Scanner(value).usLocale());
    }
    return Optional.empty();
  }

  /** A cursor over one timestamp string; every method returns null (or -1) on a mismatch. */
  private static final class Scanner {
    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private final String text;
    private int position;

    Scanner(String text) {
      this.text = text;
    }

    Instant iso() {
      int year = digits(4, 4);
      if (year < 0 || !accept('-')) {
        return null;
      }
      int month = digits(2, 2);
      if (month < 0 || !accept('-')) {
        return null;
      }
      int day = digits(2, 2);
      if (day < 0 || !(accept('T') || accept('t') || accept(' '))) {
        return null;
      }
      int hour = digits(2, 2);
      if (hour < 0 || !accept(':')) {
        return null;
      }
      int minute = digits(2, 2);
      int second = 0;
      if (minute < 0) {
        return null;
      }
      if (accept(':')) {
        second = digits(2, 2);
        if (second < 0) {
          return null;
        }
      }
      int nanos = fraction();
      if (nanos < 0) {
        return null;
      }
      int offsetSeconds = zone();
      if (offsetSeconds == NO_OFFSET || position != text.length()) {
        return null;
      }
      return instant(year, month, day, hour, minute, second, nanos, offsetSeconds);
    }

    Instant usLocale() {
      int month = digits(1, 2);
      if (month < 0 || !accept('/')) {
        return null;
      }
      int day = digits(1, 2);
      if (day < 0 || !accept('/')) {
        return null;
      }
      int year = digits(4, 4);
      if (year < 0 || !spaces()) {
        return null;
      }
      int hour = digits(1, 2);
      if (hour < 0 || !accept(':')) {
        return null;
      }
      int minute = digits(2, 2);
      if (minute < 0 || !accept(':')) {
        return null;
      }
      int second = digits(2, 2);
      if (second < 0) {
        return null;
      }
      int nanos = fraction();
      if (nanos < 0) {
        return null;
      }
      int mark = position;
      if (spaces() && (lookingAtIgnoreCase("AM") || lookingAtIgnoreCase("PM"))) {
        boolean afternoon = Character.toUpperCase(text.charAt(position)) == 'P';
        position += 2;
        if (hour < 1 || hour > 12) {
          return null;
        }
        hour = (hour % 12) + (afternoon ? 12 : 0);
      } else {
        position = mark;
      }
      mark = position;
      if (!spaces()) {
        position = mark;
      }
      int offsetSeconds = zone();
      if (offsetSeconds == NO_OFFSET || position != text.length()) {
        return null;
      }
      return instant(year, month, day, hour, minute, second, nanos, offsetSeconds);
    }

    /** Reads an optional fraction after '.' or ','; returns nanoseconds, or -1 if malformed. */
    private int fraction() {
      if (!(accept('.') || accept(','))) {
        return 0;
      }
      int start = position;
      int nanos = 0;
      while (position < text.length() && isDigit(text.charAt(position))) {
        if (position - start < 9) {
          nanos = nanos * 10 + (text.charAt(position) - '0');
        }
        position++;
      }
      int read = position - start;
      if (read == 0) {
        return -1;
      }
      for (int i = Math.min(read, 9); i < 9; i++) {
        nanos *= 10;
      }
      return nanos;
    }

    /** Reads nothing, Z or an offset; returns its seconds, or NO_OFFSET if malformed. */
    private int zone() {
      if (position == text.length()) {
        return 0;
      }
      if (accept('Z') || accept('z')) {
        return 0;
      }
      char sign = text.charAt(position);
      if (sign != '+' && sign != '-') {
        return NO_OFFSET;
      }
      position++;
      int hours = digits(2, 2);
      if (hours < 0 || hours > 18) {
        return NO_OFFSET;
      }
      int minutes = 0;
      if (accept(':')) {
        minutes = digits(2, 2);
      } else if (position < text.length()) {
        minutes = digits(2, 2);
      }
      if (minutes < 0 || minutes > 59) {
        return NO_OFFSET;
      }
      int seconds = hours * 3600 + minutes * 60;
      if (seconds > 18 * 3600) {
        return NO_OFFSET;
      }
      return sign == '-' ? -seconds : seconds;
    }

    private int digits(int min, int max) {
      int start = position;
      int value = 0;
      while (position < text.length() && position - start < max && isDigit(text.charAt(position))) {
        value = value * 10 + (text.charAt(position) - '0');
        position++;
      }
      return position - start < min ? -1 : value;
    }

    private boolean accept(char expected) {
      if (position < text.length() && text.charAt(position) == expected) {
        position++;
        return true;
      }
      return false;
    }

    private boolean spaces() {
      int start = position;
      while (position < text.length() && text.charAt(position) == ' ') {
        position++;
      }
      return position > start;
    }

    private boolean lookingAtIgnoreCase(String word) {
      return text.regionMatches(true, position, word, 0, word.length());
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static Instant instant(
        int year, int month, int day, int hour, int minute, int second, int nanos, int offset) {
      if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
        return null;
      }
      if (hour > 23 || minute > 59 || second > 59) {
        return null;
      }
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offset));
    }

    private static int daysIn(int year, int month) {
      return switch (month) {
        case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        case 4, 6, 9, 11 -> 30;
        default -> 31;
      };
    }
  }
}
