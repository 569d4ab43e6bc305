package io.stormwatch.formats.ual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.JsonValues;
import java.util.ArrayList;
import java.util.List;

/**
 * A UAL list of named values, read by name: {@code Parameters} and {@code ExtendedProperties}
 * ({@code [{"Name", "Value"}]}), {@code ModifiedProperties} ({@code [{"Name", "NewValue",
 * "OldValue"}]}). Microsoft does not promise an order, so names are looked up, never positions.
 */
final class NamedValues {

  private static final NamedValues NONE = new NamedValues(null, "Value");

  private final JsonNode list;
  private final String valueField;

  private NamedValues(JsonNode list, String valueField) {
    this.list = list;
    this.valueField = valueField;
  }

  /** {@code Parameters} or {@code ExtendedProperties}: the value of each is {@code Value}. */
  static NamedValues of(JsonNode list) {
    return list != null && list.isArray() ? new NamedValues(list, "Value") : NONE;
  }

  /** {@code ModifiedProperties}: the value of each is the {@code NewValue}. */
  static NamedValues newValuesOf(JsonNode list) {
    return list != null && list.isArray() ? new NamedValues(list, "NewValue") : NONE;
  }

  /** The stripped value named {@code name} (any case), or null when absent or blank. */
  String text(String name) {
    if (list == null) {
      return null;
    }
    for (JsonNode pair : list) {
      if (name.equalsIgnoreCase(JsonValues.nonBlankText(pair.get("Name")))) {
        return JsonValues.nonBlankText(pair.get(valueField));
      }
    }
    return null;
  }

  /**
   * The value named {@code name} with the wrapping Entra puts around property values taken off: a
   * JSON string ({@code "\"full_access_as_app\""}) is its text, a JSON array of scalars ({@code
   * "[\r\n \"x\"\r\n]"}) its elements joined by spaces; anything else is the text as written.
   */
  String unwrapped(String name, ObjectMapper json) {
    String text = text(name);
    if (text == null || !(text.startsWith("\"") || text.startsWith("["))) {
      return text;
    }
    try {
      JsonNode parsed = json.readTree(text);
      if (parsed != null && parsed.isTextual()) {
        return JsonValues.nonBlankText(parsed);
      }
      if (parsed != null && parsed.isArray()) {
        List<String> parts = new ArrayList<>();
        parsed.forEach(
            element -> {
              String part = JsonValues.nonBlankText(element);
              if (part != null) {
                parts.add(part);
              }
            });
        return parts.isEmpty() ? null : String.join(" ", parts);
      }
    } catch (JsonProcessingException notJson) {
      // Text that only starts like JSON is kept as written.
    }
    return text;
  }

  /** Whether the value named {@code name} is the boolean true, written in any case. */
  boolean isTrue(String name) {
    return "true".equalsIgnoreCase(text(name));
  }
}
