package io.stormwatch.formats.ual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.JsonValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A UAL list of {@code {"Name": ..., "Value": ...}} pairs — an Exchange admin record's {@code
 * Parameters}, an Exchange mailbox record's {@code OperationProperties} — as a map by name.
 *
 * <p>The pairs' order is not specified, so they are read by name. A list sent as a string holding
 * its JSON is parsed. A pair without a {@code Value} (Exchange writes {@code {"Name":"RuleName"}}
 * for a property it left empty) reads as the empty string; a value that is an object or an array is
 * kept as its JSON text. At most {@link #MAX_PAIRS} pairs are kept, each value cut at {@link
 * #MAX_VALUE_CHARS} characters, so that one record cannot make every normalised event large; the
 * first of two pairs with one name wins.
 */
public final class NameValuePairs {

  /** Pairs kept of one list. */
  public static final int MAX_PAIRS = 64;

  /** Characters kept of one value. */
  public static final int MAX_VALUE_CHARS = 1024;

  private NameValuePairs() {}

  /**
   * Reads a list of name/value pairs.
   *
   * @param list the field's value: an array, a string holding an array, or null
   * @param json the mapper used to read the string form
   * @return the values by name, in the list's order; empty when the field is absent or unreadable
   */
  public static Map<String, String> read(JsonNode list, ObjectMapper json) {
    JsonNode pairs = asList(list, json);
    if (pairs == null) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode pair : pairs) {
      if (values.size() == MAX_PAIRS) {
        break;
      }
      String name = pair.isObject() ? JsonValues.nonBlankText(pair.get("Name")) : null;
      if (name != null && !values.containsKey(name)) {
        values.put(name, cut(valueText(pair.get("Value"))));
      }
    }
    return Collections.unmodifiableMap(values);
  }

  private static String valueText(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    return value.isContainerNode() ? value.toString() : JsonValues.scalarText(value);
  }

  private static String cut(String value) {
    return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS);
  }

  private static JsonNode asList(JsonNode value, ObjectMapper json) {
    if (value == null) {
      return null;
    }
    if (value.isArray()) {
      return value;
    }
    if (value.isTextual() && value.textValue().strip().startsWith("[")) {
      try {
        JsonNode parsed = json.readTree(value.textValue());
        return parsed != null && parsed.isArray() ? parsed : null;
      } catch (JsonProcessingException notJson) {
        return null; // a string that only looks like JSON: no readable pairs
      }
    }
    return null;
  }
}
