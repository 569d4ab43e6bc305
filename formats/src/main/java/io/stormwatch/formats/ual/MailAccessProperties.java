package io.stormwatch.formats.ual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.JsonValues;
import java.util.Optional;

/**
 * The MailItemsAccessed facts carried in a UAL record's {@code OperationProperties}.
 *
 * <p>{@code OperationProperties} is a list of {@code {"Name": ..., "Value": ...}} pairs. Their
 * order is not specified, so they are read by name. Some workloads (PowerBI) send the list as a
 * string holding its JSON; that string is parsed, since this field is documented to carry JSON.
 *
 * @param mailAccessType {@code Bind}, {@code Sync} (or another value as written); null if absent
 * @param throttled whether {@code IsThrottled} is {@code True}
 */
public record MailAccessProperties(String mailAccessType, boolean throttled) {
  private static final MailAccessProperties NONE = new MailAccessProperties(null, false);

  /**
   * Reads the properties from the value of {@code OperationProperties}.
   *
   * @param operationProperties the field's value: an array, a string holding an array, or null
   * @param json the mapper used to read the string form
   * @return the properties; empty values when the field is absent or unreadable
   */
  public static MailAccessProperties read(JsonNode operationProperties, ObjectMapper json) {
    JsonNode list = asList(operationProperties, json);
    if (list == null) {
      return NONE;
    }
    String accessType = null;
    boolean throttled = false;
    for (JsonNode pair : list) {
      String name = JsonValues.nonBlankText(pair.get("Name"));
      if ("MailAccessType".equalsIgnoreCase(name)) {
        accessType = canonicalAccessType(JsonValues.nonBlankText(pair.get("Value")));
      } else if ("IsThrottled".equalsIgnoreCase(name)) {
        throttled = JsonValues.bool(pair.get("Value")).orElse(Boolean.FALSE);
      }
    }
    return accessType == null && !throttled
        ? NONE
        : new MailAccessProperties(accessType, throttled);
  }

  private static JsonNode asList(JsonNode value, ObjectMapper json) {
    if (value == null) {
      return null;
    }
    if (value.isArray()) {
      return value;
    }
    if (value.isTextual() && value.textValue().strip().startsWith("[")) {
      return parsedList(value.textValue(), json).orElse(null);
    }
    return null;
  }

  private static Optional<JsonNode> parsedList(String text, ObjectMapper json) {
    try {
      JsonNode parsed = json.readTree(text);
      return parsed != null && parsed.isArray() ? Optional.of(parsed) : Optional.empty();
    } catch (JsonProcessingException notJson) {
      // A string that only looks like JSON: the record carries no readable properties.
      return Optional.empty();
    }
  }

  private static String canonicalAccessType(String value) {
    if ("bind".equalsIgnoreCase(value)) {
      return "Bind";
    }
    if ("sync".equalsIgnoreCase(value)) {
      return "Sync";
    }
    return value;
  }
}
