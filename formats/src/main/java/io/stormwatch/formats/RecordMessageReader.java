package io.stormwatch.formats;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.ParseResult.Parsed;
import io.stormwatch.formats.ParseResult.Rejected;
import io.stormwatch.formats.common.BoundedJsonParser;
import io.stormwatch.formats.common.InvalidRecordException;
import io.stormwatch.formats.common.JsonValues;
import io.stormwatch.formats.common.LimitExceededException;
import io.stormwatch.formats.common.RecordLimits;
import io.stormwatch.formats.common.RejectionType;
import io.stormwatch.formats.common.StructureLimits;
import io.stormwatch.schemas.avro.AuditEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Splits one Kafka message into records and maps each, turning every failure into a rejection.
 *
 * <p>A message is one JSON object, a JSON array of objects (a Management Activity API content blob,
 * a Log Analytics export) or, where enabled, an envelope object whose first field holds the array
 * ({@code {"records":[...]}} from Event Hub, {@code {"value":[...]}} from a Graph page). Arrays are
 * read element by element with the streaming parser, so a broken element is rejected with its own
 * bytes and the elements before it still count.
 *
 * <p>Every message and record is held to {@link RecordLimits}: sizes are checked before anything is
 * parsed, and an element of an array is first skipped over (token by token, its values not built)
 * to find its size and check its nesting and arrays, then read on its own like a single record.
 */
final class RecordMessageReader {
  private static final int MAX_REASON_CHARS = 300;
  private static final byte[] NO_BYTES = new byte[0];

  /** Maps one parsed record to an event. */
  @FunctionalInterface
  interface RecordMapper {
    AuditEvent toEvent(JsonNode record) throws InvalidRecordException;
  }

  private final ObjectMapper json;
  private final RecordLimits limits;
  private final RecordMapper mapper;
  private final Set<String> envelopeFields;
  private final SelectiveTreeReader singleRecordReader;

  RecordMessageReader(
      ObjectMapper json, RecordLimits limits, RecordMapper mapper, Set<String> envelopeFields) {
    this(json, limits, mapper, envelopeFields, null);
  }

  /**
   * @param singleRecordReader reads one record; null reads it in full
   */
  RecordMessageReader(
      ObjectMapper json,
      RecordLimits limits,
      RecordMapper mapper,
      Set<String> envelopeFields,
      SelectiveTreeReader singleRecordReader) {
    this.json = Objects.requireNonNull(json, "json");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.singleRecordReader = singleRecordReader;
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.envelopeFields = Set.copyOf(envelopeFields);
  }

  List<ParseResult> read(byte[] message) {
    try {
      return readMessage(message);
    } catch (RuntimeException | IOException unexpected) {
      return List.of(
          new Rejected(
              RejectionType.INTERNAL_ERROR,
              bounded(unexpected.getClass().getName() + ": " + unexpected.getMessage()),
              message == null ? NO_BYTES : message));
    }
  }

  private List<ParseResult> readMessage(byte[] message) throws IOException {
    if (message == null) {
      return List.of(new Rejected(RejectionType.NOT_JSON, "message is null", NO_BYTES));
    }
    int first = firstSignificantByte(message);
    if (first < 0) {
      return List.of(
          new Rejected(RejectionType.NOT_JSON, "message is empty or only whitespace", message));
    }
    if (message.length > limits.maxMessageBytes()) {
      return List.of(
          new Rejected(
              RejectionType.MESSAGE_TOO_LARGE,
              "message of "
                  + message.length
                  + " bytes exceeds the "
                  + limits.maxMessageBytes()
                  + "-byte limit",
              message));
    }
    if (message[first] == '[') {
      return readElements(message, null);
    }
    if (message[first] == '{' && !envelopeFields.isEmpty()) {
      String envelopeField = envelopeField(message);
      if (envelopeField != null) {
        return readElements(message, envelopeField);
      }
    }
    return List.of(readRecord(message, "message"));
  }

  /** Reads one record: a whole message, or an element cut out of one. */
  private ParseResult readRecord(byte[] recordBytes, String label) {
    if (recordBytes.length > limits.maxRecordBytes()) {
      return new Rejected(
          RejectionType.TOO_LARGE,
          "record of "
              + recordBytes.length
              + " bytes exceeds the "
              + limits.maxRecordBytes()
              + "-byte limit",
          recordBytes);
    }
    JsonNode record;
    try {
      record =
          singleRecordReader == null
              ? BoundedJsonParser.readTree(json, recordBytes, limits)
              : singleRecordReader.read(recordBytes);
    } catch (LimitExceededException beyondLimits) {
      return new Rejected(beyondLimits.type(), label + ": " + beyondLimits.reason(), recordBytes);
    } catch (JsonProcessingException notJson) {
      return new Rejected(RejectionType.NOT_JSON, describe(notJson), recordBytes);
    } catch (IOException unreadable) {
      return new Rejected(RejectionType.NOT_JSON, bounded(unreadable.getMessage()), recordBytes);
    }
    return map(record, recordBytes, label);
  }

  /**
   * Finds the envelope's array field: the first field other than Graph's {@code @odata.*}
   * annotations, when it is one of the envelope names and holds an array. Reads only a few tokens.
   */
  private String envelopeField(byte[] message) {
    try (JsonParser parser = json.createParser(message)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.startsWith("@odata.")) {
          parser.skipChildren();
          continue;
        }
        return envelopeFields.contains(name) && value == JsonToken.START_ARRAY ? name : null;
      }
      return null;
    } catch (IOException notAnEnvelope) {
      // Whatever is wrong will be reported when the message is read as a single record.
      return null;
    }
  }

  /** Reads the top-level array, or the array in {@code envelopeField} of the top-level object. */
  private List<ParseResult> readElements(byte[] message, String envelopeField) throws IOException {
    List<ParseResult> results = new ArrayList<>();
    long restStart = 0;
    int index = 0;
    try (JsonParser parser = json.createParser(message)) {
      if (envelopeField != null) {
        parser.nextToken();
        skipFieldsUntil(parser, envelopeField);
      }
      parser.nextToken();
      restStart = afterCurrentToken(parser);
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          results.add(rest(message, restStart, "array is not closed"));
          return results;
        }
        long start = parser.currentTokenLocation().getByteOffset();
        restStart = start;
        StructureLimits.Violation violation = skipElement(parser, token);
        long end = parser.currentLocation().getByteOffset();
        byte[] element = slice(message, start, end);
        String label = label(envelopeField, index);
        if (index >= limits.maxArrayElements()) {
          results.add(
              new Rejected(
                  RejectionType.ARRAY_TOO_LONG,
                  label
                      + " is beyond the "
                      + limits.maxArrayElements()
                      + " records one message may hold",
                  element));
        } else if (violation != null) {
          results.add(new Rejected(violation.type(), label + ": " + violation.reason(), element));
        } else {
          results.add(readRecord(element, label));
        }
        restStart = end;
        index++;
      }
      if (envelopeField != null) {
        skipFieldsUntil(parser, null);
      }
      if (parser.nextToken() != null) {
        results.add(
            rest(
                message,
                parser.currentTokenLocation().getByteOffset(),
                "unexpected content after the " + (envelopeField == null ? "array" : "envelope")));
      }
    } catch (JsonProcessingException broken) {
      results.add(
          rest(
              message,
              restStart,
              label(envelopeField, index)
                  + " and what follows is not valid JSON: "
                  + describe(broken)));
    }
    return results;
  }

  /** Skips sibling fields until {@code name} (then positioned on its value's start) or the end. */
  private static void skipFieldsUntil(JsonParser parser, String name) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      if (parser.currentName().equals(name)) {
        return;
      }
      parser.nextToken();
      parser.skipChildren();
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IOException("expected a field or the end of the envelope, got " + token);
    }
  }

  /**
   * Moves the parser past the element starting at {@code first}, without building its values, and
   * tells the first limit it breaks; the whole element is passed either way.
   */
  private StructureLimits.Violation skipElement(JsonParser parser, JsonToken first)
      throws IOException {
    StructureLimits structure = new StructureLimits(limits);
    StructureLimits.Violation violation = structure.accept(first);
    if (!first.isStructStart()) {
      parser.finishToken(); // a string's end is found only once it is read
      return violation;
    }
    int open = 1;
    while (open > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new JsonParseException(parser, "unexpected end of input inside an element");
      }
      if (token.isStructStart()) {
        open++;
      } else if (token.isStructEnd()) {
        open--;
      }
      StructureLimits.Violation found = structure.accept(token);
      violation = violation == null ? found : violation;
    }
    return violation;
  }

  private ParseResult map(JsonNode record, byte[] recordBytes, String label) {
    if (record == null || !record.isObject()) {
      return new Rejected(
          RejectionType.NOT_AN_OBJECT,
          label + " is " + JsonValues.describeType(record) + ", not a JSON object",
          recordBytes);
    }
    try {
      return new Parsed(mapper.toEvent(record), recordBytes);
    } catch (InvalidRecordException invalid) {
      return new Rejected(invalid.type(), invalid.reason(), recordBytes);
    }
  }

  private static Rejected rest(byte[] message, long from, String reason) {
    int start = (int) Math.max(0, Math.min(from, message.length));
    return new Rejected(
        RejectionType.NOT_JSON,
        bounded(reason),
        Arrays.copyOfRange(message, start, message.length));
  }

  /** The element's bytes as they arrived. */
  private static byte[] slice(byte[] message, long start, long end) {
    if (start >= 0 && end > start && end <= message.length) {
      return Arrays.copyOfRange(message, (int) start, (int) end);
    }
    throw new IllegalStateException("the parser gave no byte offsets for an element at " + start);
  }

  private static long afterCurrentToken(JsonParser parser) {
    return Math.max(0, parser.currentLocation().getByteOffset());
  }

  private static String label(String envelopeField, int index) {
    return (envelopeField == null ? "element " : envelopeField + "[")
        + index
        + (envelopeField == null ? "" : "]");
  }

  private static int firstSignificantByte(byte[] message) {
    int position = 0;
    if (message.length >= 3
        && message[0] == (byte) 0xEF
        && message[1] == (byte) 0xBB
        && message[2] == (byte) 0xBF) {
      position = 3;
    }
    for (; position < message.length; position++) {
      byte b = message[position];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return position;
      }
    }
    return -1;
  }

  private static String describe(JsonProcessingException problem) {
    JsonLocation location = problem.getLocation();
    String where =
        location == null
            ? ""
            : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    return bounded(problem.getOriginalMessage() + where);
  }

  private static String bounded(String text) {
    String value = text == null ? "no detail" : text.replace('\n', ' ').replace('\r', ' ');
    return value.length() <= MAX_REASON_CHARS ? value : value.substring(0, MAX_REASON_CHARS) + "…";
  }
}
