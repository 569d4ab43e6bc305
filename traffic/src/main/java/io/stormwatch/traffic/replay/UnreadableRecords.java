package io.stormwatch.traffic.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.formats.common.RejectionType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Says why a record the file reader could not place ({@code RawKind.UNKNOWN}) is unreadable, in the
 * normaliser's terms: not JSON, not an object, or an object of neither log.
 */
final class UnreadableRecords {
  private static final int MAX_FIELDS_NAMED = 5;
  private static final int MAX_REASON_CHARS = 300;

  private final ObjectMapper json = new ObjectMapper();

  Rejection classify(byte[] record) {
    JsonNode node;
    try {
      node = json.readTree(record);
    } catch (JsonProcessingException notJson) {
      return new Rejection(RejectionType.NOT_JSON.code(), bounded(describe(notJson)));
    } catch (IOException unreadable) {
      return new Rejection(RejectionType.NOT_JSON.code(), bounded(unreadable.getMessage()));
    }
    if (node == null || node.isMissingNode()) {
      return new Rejection(RejectionType.NOT_JSON.code(), "empty record");
    }
    if (!node.isObject()) {
      return new Rejection(
          RejectionType.NOT_AN_OBJECT.code(),
          "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
    }
    return new Rejection(
        RejectionType.UNSUPPORTED_SHAPE.code(),
        bounded(
            "neither a Unified Audit Log record nor an Entra sign-in (fields: "
                + fieldNames(node)
                + ")"));
  }

  private static String fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    Iterator<String> fields = object.fieldNames();
    while (fields.hasNext() && names.size() < MAX_FIELDS_NAMED) {
      names.add(fields.next());
    }
    String listed = names.isEmpty() ? "none" : String.join(", ", names);
    return object.size() > names.size() ? listed + ", ..." : listed;
  }

  private static String describe(JsonProcessingException problem) {
    JsonLocation location = problem.getLocation();
    String where = location == null ? "" : " (column " + location.getColumnNr() + ")";
    return problem.getOriginalMessage() + where;
  }

  private static String bounded(String text) {
    String value = text == null ? "no detail" : text.replace('\n', ' ').replace('\r', ' ');
    return value.length() <= MAX_REASON_CHARS ? value : value.substring(0, MAX_REASON_CHARS) + "…";
  }
}
