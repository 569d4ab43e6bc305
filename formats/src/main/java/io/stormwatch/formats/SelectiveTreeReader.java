package io.stormwatch.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.formats.common.BoundedJsonParser;
import io.stormwatch.formats.common.LimitExceededException;
import io.stormwatch.formats.common.RecordLimits;
import java.io.IOException;
import java.util.Set;

/**
 * Reads a JSON object into a tree of only the top-level fields a mapper reads, for records read on
 * the detector's hot path. Building nodes for fields nobody reads (most of a MailItemsAccessed
 * record is its Folders' items) cost more than the mapping itself.
 *
 * <p>Fields not selected are skipped by the tokenizer, so the whole record is still checked to be
 * JSON. Of a counted array only the number of elements is kept (as nulls). Anything else than a
 * well-formed object with nothing after it is read again in full, so that rejections keep the
 * reasons the full reader gives. Both reads hold the record to its {@link RecordLimits}, skipped
 * fields included.
 */
final class SelectiveTreeReader {

  private final ObjectMapper json;

  /** Reads one value out of the middle of a record, where more of the record follows. */
  private final ObjectReader valueReader;

  private final JsonNodeFactory nodes;
  private final RecordLimits limits;
  private final Set<String> fieldsRead;
  private final Set<String> arraysCounted;

  /**
   * @param limits the nesting and array limits every record is held to
   * @param fieldsRead top-level fields kept whole
   * @param arraysCounted top-level arrays of which only the length is kept
   */
  SelectiveTreeReader(
      ObjectMapper json, RecordLimits limits, Set<String> fieldsRead, Set<String> arraysCounted) {
    this.json = json;
    this.limits = limits;
    this.valueReader = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.nodes = json.getNodeFactory();
    this.fieldsRead = Set.copyOf(fieldsRead);
    this.arraysCounted = Set.copyOf(arraysCounted);
  }

  /**
   * Reads {@code message}.
   *
   * @throws LimitExceededException if the record breaks one of its limits
   * @throws IOException as {@link ObjectMapper#readTree(byte[])} would, for input it rejects
   */
  JsonNode read(byte[] message) throws IOException {
    try {
      JsonNode selected = readSelected(message);
      if (selected != null) {
        return selected;
      }
    } catch (LimitExceededException beyondLimits) {
      throw beyondLimits;
    } catch (IOException malformed) {
      // The full reader below reports it, in its own words.
    }
    return BoundedJsonParser.readTree(json, message, limits);
  }

  /** The selected tree, or null when the message is not a lone JSON object. */
  private JsonNode readSelected(byte[] message) throws IOException {
    try (JsonParser parser = BoundedJsonParser.of(json, message, limits)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      ObjectNode record = nodes.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (fieldsRead.contains(name)) {
          record.set(name, valueOf(parser, value));
        } else if (arraysCounted.contains(name)) {
          record.set(
              name,
              value == JsonToken.START_ARRAY ? countedElements(parser) : valueOf(parser, value));
        } else {
          parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return null;
      }
      return record;
    }
  }

  private JsonNode valueOf(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_STRING -> nodes.textNode(parser.getText());
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      default -> valueReader.readTree(parser); // numbers, objects and arrays, exactly as in full
    };
  }

  private ArrayNode countedElements(JsonParser parser) throws IOException {
    ArrayNode elements = nodes.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      parser.skipChildren();
      elements.addNull();
    }
    return elements;
  }
}
