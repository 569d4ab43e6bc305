package io.stormwatch.formats.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the required fields of one record and reports every problem at once.
 *
 * <p>A record missing three fields is fixed faster when the reason names all three, so {@link
 * #text} records problems instead of failing on the first; {@link #check()} then throws one
 * exception naming them all. Not thread-safe: one instance per record.
 */
public final class RequiredFields {
  private List<String> missing;
  private List<String> wrongType;

  /**
   * Reads a required scalar as stripped text, noting it as missing or of the wrong type if so.
   *
   * @param value the field's node, or null when absent
   * @param name the field's name as written in reasons
   * @return the stripped, non-empty text, or null when there is a problem
   */
  public String text(JsonNode value, String name) {
    if (value != null && value.isContainerNode()) {
      wrongType = add(wrongType, name + " is " + JsonValues.describeType(value) + ", not a string");
      return null;
    }
    String text = JsonValues.nonBlankText(value);
    if (text == null) {
      boolean present = value != null && !value.isNull() && !value.isMissingNode();
      missing = add(missing, name + (present ? " empty" : " missing"));
    }
    return text;
  }

  /**
   * Notes a required value as missing.
   *
   * @param description the field's name, or a description such as "userPrincipalName or
   *     servicePrincipalId"
   */
  public void missing(String description) {
    missing = add(missing, description + " missing");
  }

  /**
   * Throws when any required field was missing or of the wrong type.
   *
   * @throws InvalidRecordException naming every problem; missing fields take precedence as the type
   */
  public void check() throws InvalidRecordException {
    if (missing != null) {
      String reason = String.join(", ", missing);
      if (wrongType != null) {
        reason = reason + "; " + String.join("; ", wrongType);
      }
      throw new InvalidRecordException(RejectionType.MISSING_FIELD, reason);
    }
    if (wrongType != null) {
      throw new InvalidRecordException(RejectionType.WRONG_TYPE, String.join("; ", wrongType));
    }
  }

  private static List<String> add(List<String> list, String entry) {
    List<String> target = list == null ? new ArrayList<>(4) : list;
    target.add(entry);
    return target;
  }
}
