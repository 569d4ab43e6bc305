package io.stormwatch.traffic.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Turns one raw-topic message into the lines a JSON-lines recording holds for it, keeping every
 * record's bytes wherever JSON lines allow it.
 *
 * <ul>
 *   <li>A message on one line is written as it is: byte-identical when replayed.
 *   <li>A message holding several records (a JSON array, a content blob, an Event Hub {@code
 *       records} or Graph {@code value} envelope) is written one record per line, each record's
 *       bytes cut out as they were: the normaliser would have read the same records.
 *   <li>A record spread over several lines (pretty-printed JSON) loses its line breaks outside
 *       strings, and nothing else: the same JSON, but no longer the same bytes.
 *   <li>An empty message has no record and is not written.
 * </ul>
 */
final class MessageLines {

  /** What happened to a message on its way into the recording. */
  enum Outcome {
    /** Written as it was. */
    AS_IS,
    /** Several records, written one per line, each as it was. */
    SPLIT,
    /** Line breaks removed; otherwise as it was. */
    LINE_BREAKS_REMOVED,
    /** Empty or null: nothing to write. */
    EMPTY
  }

  /**
   * The lines for one message.
   *
   * @param lines the lines, without their line terminators
   * @param outcome what happened to the message
   */
  record Lines(List<byte[]> lines, Outcome outcome) {}

  private static final Set<String> ENVELOPE_FIELDS = Set.of("records", "value");
  private static final JsonFactory JSON = new JsonFactory();

  Lines of(byte[] message) {
    int first = message == null ? -1 : firstSignificantByte(message);
    if (first < 0) {
      return new Lines(List.of(), Outcome.EMPTY);
    }
    if (message[first] == '[' || message[first] == '{') {
      List<byte[]> records = splitIfSeveral(message);
      if (records != null) {
        List<byte[]> lines = new ArrayList<>(records.size());
        for (byte[] record : records) {
          lines.add(hasLineBreak(record) ? withoutLineBreaks(record) : record);
        }
        return new Lines(lines, Outcome.SPLIT);
      }
    }
    if (!hasLineBreak(message)) {
      return new Lines(List.of(message), Outcome.AS_IS);
    }
    return new Lines(List.of(withoutLineBreaks(message)), Outcome.LINE_BREAKS_REMOVED);
  }

  /** The records of an array or envelope, each as its bytes; null for anything else. */
  private static List<byte[]> splitIfSeveral(byte[] message) {
    try (JsonParser parser = JSON.createParser(message)) {
      JsonToken root = parser.nextToken();
      if (root == JsonToken.START_OBJECT && !positionOnEnvelopeArray(parser)) {
        return null;
      }
      if (root != JsonToken.START_ARRAY && root != JsonToken.START_OBJECT) {
        return null;
      }
      List<byte[]> records = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          return null;
        }
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        long end = parser.currentLocation().getByteOffset();
        if (start < 0 || end <= start || end > message.length) {
          return null;
        }
        records.add(Arrays.copyOfRange(message, (int) start, (int) end));
      }
      return records;
    } catch (IOException notSplittable) {
      // Broken JSON is written as one line; the replay dead-letters it with the reason.
      return null;
    }
  }

  /** Moves to the start of the envelope's array; false if the object is not an envelope. */
  private static boolean positionOnEnvelopeArray(JsonParser parser) throws IOException {
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
  }

  private static boolean hasLineBreak(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n' || b == '\r') {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops CR and LF outside strings, where JSON treats them as whitespace; inside a string (which
   * valid JSON never has) they become spaces, so that the line stays one line.
   */
  private static byte[] withoutLineBreaks(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    int size = 0;
    boolean inString = false;
    boolean escaped = false;
    for (byte b : bytes) {
      boolean lineBreak = b == '\n' || b == '\r';
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
        out[size++] = lineBreak ? (byte) ' ' : b;
      } else if (!lineBreak) {
        inString = b == '"';
        out[size++] = b;
      }
    }
    return Arrays.copyOf(out, size);
  }

  private static int firstSignificantByte(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return i;
      }
    }
    return -1;
  }
}
