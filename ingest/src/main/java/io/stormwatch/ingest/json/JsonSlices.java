package io.stormwatch.ingest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.stormwatch.formats.common.AuditJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the elements of a JSON array out of a document byte for byte, so that each record goes on as
 * Microsoft sent it: key order, number spellings and escapes unchanged.
 */
public final class JsonSlices {

  private static final JsonFactory JSON = AuditJson.newMapper().getFactory();

  private JsonSlices() {}

  /**
   * The elements of a document that is a JSON array (a Management Activity API content blob).
   *
   * @throws MalformedJsonException if the document is not well-formed or not an array
   */
  public static List<byte[]> arrayElements(byte[] document) throws MalformedJsonException {
    return slice(document, null);
  }

  /**
   * The records of an envelope: the elements of the array in {@code field} of a root object ({@code
   * {"records":[...]}}), the elements of a root array, or a root object without that field as the
   * one record it is.
   *
   * @throws MalformedJsonException if the document is not well-formed JSON or holds a scalar
   */
  public static List<byte[]> envelopeElements(byte[] document, String field)
      throws MalformedJsonException {
    return slice(document, field);
  }

  private static List<byte[]> slice(byte[] document, String envelopeField)
      throws MalformedJsonException {
    try (JsonParser parser = JSON.createParser(document)) {
      JsonToken root = parser.nextToken();
      if (root == null) {
        throw new MalformedJsonException("empty document");
      }
      List<byte[]> elements = new ArrayList<>();
      if (root == JsonToken.START_ARRAY) {
        readElements(parser, document, elements);
      } else if (root == JsonToken.START_OBJECT && envelopeField != null) {
        if (!readEnvelope(parser, document, envelopeField, elements)) {
          elements.add(document);
        }
      } else {
        throw new MalformedJsonException(
            "expected a JSON array"
                + (envelopeField == null ? "" : " or object")
                + ", found "
                + describe(root));
      }
      if (parser.nextToken() != null) {
        throw new MalformedJsonException(
            "content after the end of the document at byte "
                + parser.currentTokenLocation().getByteOffset());
      }
      return elements;
    } catch (JsonProcessingException e) {
      throw new MalformedJsonException(
          e.getOriginalMessage() + " at byte " + e.getLocation().getByteOffset());
    } catch (IOException e) {
      // Reading from a byte array fails only through the parser.
      throw new MalformedJsonException(e.getMessage());
    }
  }

  /** Reads the root object's fields; returns whether the envelope field held the records. */
  private static boolean readEnvelope(
      JsonParser parser, byte[] document, String envelopeField, List<byte[]> elements)
      throws IOException, MalformedJsonException {
    boolean found = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (!found && envelopeField.equals(name) && value == JsonToken.START_ARRAY) {
        readElements(parser, document, elements);
        found = true;
      } else {
        parser.skipChildren();
      }
    }
    return found;
  }

  private static void readElements(JsonParser parser, byte[] document, List<byte[]> elements)
      throws IOException, MalformedJsonException {
    while (true) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY) {
        return;
      }
      if (token == null) {
        throw new MalformedJsonException("the array is not closed");
      }
      long start = parser.currentTokenLocation().getByteOffset();
      if (token.isStructStart()) {
        parser.skipChildren();
      } else {
        // Strings are read lazily; finish them so that the location is past their end.
        parser.finishToken();
      }
      long end = parser.currentLocation().getByteOffset();
      elements.add(Arrays.copyOfRange(document, (int) start, (int) end));
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
