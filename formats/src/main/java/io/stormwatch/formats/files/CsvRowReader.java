package io.stormwatch.formats.files;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV rows one at a time: quoted fields with {@code ""} escapes, line breaks inside
 * quotes, CRLF or LF row ends. Keeps each row's raw text so an unusable row can be shown as it was.
 */
final class CsvRowReader {
  private static final int BUFFER_CHARS = 64 * 1024;

  /** One row: its fields, its text as in the file and the line it starts on. */
  record Row(List<String> fields, String text, int line, boolean oversized) {}

  private final Reader in;
  private final int maxRowChars;
  private final char[] buffer = new char[BUFFER_CHARS];
  private int position;
  private int limit;
  private int line = 1;

  CsvRowReader(Reader in, int maxRowChars) {
    this.in = in;
    this.maxRowChars = maxRowChars;
  }

  /** The line the reader has got to. */
  int line() {
    return line;
  }

  /** Returns the next row, or null at the end of the input. */
  Row next() throws IOException {
    int c = read();
    if (c < 0) {
      return null;
    }
    int startLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    StringBuilder text = new StringBuilder();
    boolean quoted = false;
    boolean oversized = false;
    while (c >= 0) {
      if (text.length() < maxRowChars) {
        text.append((char) c);
      } else {
        oversized = true;
      }
      if (quoted) {
        if (c == '"') {
          int following = peek();
          if (following == '"') {
            read();
            appendBounded(text, '"');
            appendBounded(field, '"');
          } else {
            quoted = false;
          }
        } else {
          appendBounded(field, (char) c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        if (!oversized) {
          // an oversized row is refused whole: its fields are not kept, however many
          fields.add(field.toString());
        }
        field.setLength(0);
      } else if (c == '\n') {
        trimCarriageReturn(field, text);
        break;
      } else {
        appendBounded(field, (char) c);
      }
      c = read();
    }
    fields.add(field.toString());
    if (text.length() > 0 && text.charAt(text.length() - 1) == '\n') {
      text.setLength(text.length() - 1);
    }
    return new Row(fields, text.toString(), startLine, oversized);
  }

  private static void trimCarriageReturn(StringBuilder field, StringBuilder text) {
    if (field.length() > 0 && field.charAt(field.length() - 1) == '\r') {
      field.setLength(field.length() - 1);
    }
    if (text.length() > 1 && text.charAt(text.length() - 2) == '\r') {
      text.deleteCharAt(text.length() - 2);
    }
  }

  private void appendBounded(StringBuilder target, char c) {
    if (target.length() < maxRowChars) {
      target.append(c);
    }
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    char c = buffer[position++];
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    limit = in.read(buffer, 0, buffer.length);
    position = 0;
    if (limit <= 0) {
      limit = 0;
      return false;
    }
    return true;
  }
}
