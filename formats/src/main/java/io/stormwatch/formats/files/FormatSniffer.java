package io.stormwatch.formats.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Tells a file's layout from its first bytes (after gzip is undone and a BOM is skipped). */
final class FormatSniffer {
  /** How much of the file is looked at; the first line of a CSV export is far shorter. */
  static final int SNIFF_BYTES = 64 * 1024;

  private static final Set<String> ENVELOPE_FIELDS = Set.of("records", "value");
  private static final JsonFactory JSON = new JsonFactory();

  private FormatSniffer() {}

  /** Whether the stream starts with gzip's magic bytes; the stream is left where it was. */
  static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
  }

  /** Skips a UTF-8 byte order mark if the stream starts with one. */
  static void skipByteOrderMark(BufferedInputStream in) throws IOException {
    in.mark(3);
    if (in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
      return;
    }
    in.reset();
  }

  /** Detects the layout; the stream is left where it was. */
  static FileFormat detect(BufferedInputStream in) throws IOException {
    in.mark(SNIFF_BYTES);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    int first = firstNonWhitespace(head);
    if (first < 0) {
      return FileFormat.EMPTY;
    }
    if (head[first] == '[') {
      return FileFormat.JSON_ARRAY;
    }
    if (head[first] == '{') {
      if (startsWithEnvelope(head)) {
        return FileFormat.JSON_ENVELOPE;
      }
      // Pretty-printers put the opening brace alone on the first line; JSON lines never do.
      return firstLine(head, first).strip().equals("{")
          ? FileFormat.JSON_VALUES
          : FileFormat.JSON_LINES;
    }
    String header = firstLine(head, first).toLowerCase(Locale.ROOT);
    if (header.contains(",") && header.contains("auditdata")) {
      return FileFormat.PURVIEW_CSV;
    }
    // Not a layout we know: read it as lines, so each comes out as an UNKNOWN record.
    return FileFormat.JSON_LINES;
  }

  /** Whether the first object's first field (after Graph's @odata.* annotations) holds records. */
  private static boolean startsWithEnvelope(byte[] head) {
    try (JsonParser parser = JSON.createParser(head)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.startsWith("@odata.")) {
          parser.skipChildren();
          continue;
        }
        return ENVELOPE_FIELDS.contains(name) && value == JsonToken.START_ARRAY;
      }
      return false;
    } catch (IOException notAnEnvelopeStart) {
      return false;
    }
  }

  private static int firstNonWhitespace(byte[] head) {
    for (int i = 0; i < head.length; i++) {
      byte b = head[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String firstLine(byte[] head, int from) {
    int end = from;
    while (end < head.length && head[end] != '\n') {
      end++;
    }
    return new String(head, from, end - from, StandardCharsets.UTF_8);
  }
}
