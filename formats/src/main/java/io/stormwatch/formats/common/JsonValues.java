package io.stormwatch.formats.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/** Reads scalar values out of a Jackson tree the lenient way Microsoft's logs need. */
public final class JsonValues {

  private JsonValues() {}

  /**
   * Returns the text of a scalar: a string as is, a number or boolean as written.
   *
   * @param node any node; may be null
   * @return the text, or null for a missing node, JSON null, an object or an array
   */
  public static String scalarText(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode() || node.isMissingNode()) {
      return null;
    }
    return node.isTextual() ? node.textValue() : node.asText();
  }

  /**
   * Returns the stripped text of a scalar, treating blank strings as absent.
   *
   * @param node any node; may be null
   * @return non-blank stripped text, or null
   */
  public static String nonBlankText(JsonNode node) {
    String text = scalarText(node);
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /**
   * Returns {@link #nonBlankText} in lower case (ids, UPNs and app ids are case-insensitive).
   *
   * @param node any node; may be null
   * @return lower-case non-blank text, or null
   */
  public static String lowerCaseText(JsonNode node) {
    String text = nonBlankText(node);
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a boolean written as JSON true/false or as the string "True"/"false" in any case.
   *
   * @param node any node; may be null
   * @return the value, or empty when absent or not a boolean
   */
  public static Optional<Boolean> bool(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isBoolean()) {
      return Optional.of(node.booleanValue());
    }
    if (node.isTextual()) {
      String text = node.textValue().strip();
      if (text.equalsIgnoreCase("true")) {
        return Optional.of(Boolean.TRUE);
      }
      if (text.equalsIgnoreCase("false")) {
        return Optional.of(Boolean.FALSE);
      }
    }
    return Optional.empty();
  }

  /**
   * Describes a node's JSON type for error messages ("an object", "a number", ...).
   *
   * @param node any node; may be null
   * @return a short description
   */
  public static String describeType(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "absent";
    }
    return switch (node.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
