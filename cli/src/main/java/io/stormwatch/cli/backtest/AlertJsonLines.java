package io.stormwatch.cli.backtest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.schemas.avro.Alert;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Writes alerts as JSON lines that are a function of the alerts alone, so that two backtests of one
 * recording can be compared byte for byte.
 *
 * <ul>
 *   <li>One line per alert id: the latest revision (its {@code revision} says how many there were).
 *   <li>Ordered by {@code firstEventTime}, then {@code alertId}.
 *   <li>Fields in the order of the Avro schema ({@code alertId, revision, ruleId, ruleVersion,
 *       severity, confidence, attackTechniques, tenantId, accountId, firstEventTime, lastEventTime,
 *       summary, evidence{...}, incidentId}); absent optional values as {@code null}.
 *   <li>Times as ISO-8601 UTC with milliseconds ({@code 2026-03-03T09:15:42.000Z}), enums by name,
 *       maps with their keys sorted.
 * </ul>
 */
public final class AlertJsonLines {

  /** Deterministic order of alerts in the file. */
  public static final Comparator<Alert> ORDER =
      Comparator.comparing(Alert::getFirstEventTime).thenComparing(Alert::getAlertId);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final ObjectMapper json =
      new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /** The latest revision of every alert, in {@link #ORDER}. */
  public static List<Alert> latestSorted(List<Alert> latestRevisions) {
    List<Alert> sorted = new ArrayList<>(latestRevisions);
    sorted.sort(ORDER);
    return sorted;
  }

  /**
   * Writes one line per alert, in the order given.
   *
   * @throws IOException if the stream fails
   */
  public void write(List<Alert> alerts, OutputStream out) throws IOException {
    for (Alert alert : alerts) {
      out.write(line(alert).getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    out.flush();
  }

  /** One alert as one line of JSON, without the line end. */
  public String line(Alert alert) throws IOException {
    return json.writeValueAsString(object(alert));
  }

  private static ObjectNode object(IndexedRecord record) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      node.set(field.name(), value(record.get(field.pos())));
    }
    return node;
  }

  private static com.fasterxml.jackson.databind.JsonNode value(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value == null) {
      return nodes.nullNode();
    }
    if (value instanceof IndexedRecord record) {
      return object(record);
    }
    if (value instanceof Instant instant) {
      return nodes.textNode(TIME.format(instant));
    }
    if (value instanceof CharSequence || value instanceof Enum<?>) {
      return nodes.textNode(value.toString());
    }
    if (value instanceof Integer number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Long number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Double number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Float number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Boolean flag) {
      return nodes.booleanNode(flag);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = nodes.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = nodes.objectNode();
      new TreeMap<>(stringKeys(map)).forEach((k, v) -> object.set(k, value(v)));
      return object;
    }
    if (value instanceof ByteBuffer bytes) {
      ByteBuffer copy = bytes.duplicate();
      byte[] raw = new byte[copy.remaining()];
      copy.get(raw);
      return nodes.textNode(Base64.getEncoder().encodeToString(raw));
    }
    // An Avro enum symbol of a generic record, or a type added to the schema later.
    return nodes.textNode(value.toString());
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> keyed = new TreeMap<>();
    map.forEach((k, v) -> keyed.put(String.valueOf(k), v));
    return keyed;
  }
}
