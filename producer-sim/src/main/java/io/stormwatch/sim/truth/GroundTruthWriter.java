package io.stormwatch.sim.truth;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.sim.scenario.ScenarioLabel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@link GroundTruth} as pretty-printed JSON (UTF-8, ISO-8601 instants, fixed key order),
 * the file evaluation tools compare alerts against. An attack's entry has the fields of the
 * scenario entries of {@code stormwatch evaluate --json}, with every record id.
 */
public final class GroundTruthWriter {

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Writes the ground truth to a file, replacing it.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public void write(GroundTruth truth, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(truth, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ground truth to " + file, e);
    }
  }

  /**
   * Writes the ground truth to a stream, leaving it open.
   *
   * @throws UncheckedIOException if the stream fails
   */
  public void write(GroundTruth truth, OutputStream out) {
    try {
      mapper
          .writer()
          .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(out, toTree(truth));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ground truth", e);
    }
  }

  /** The ground truth as JSON text. */
  public String toJson(GroundTruth truth) {
    try {
      return mapper.writeValueAsString(toTree(truth));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise ground truth", e);
    }
  }

  private ObjectNode toTree(GroundTruth truth) {
    ObjectNode root = mapper.createObjectNode();
    root.put("seed", truth.seed());
    root.put("start", truth.start().toString());
    root.put("end", truth.end().toString());
    ArrayNode attacks = root.putArray("attacks");
    for (ScenarioLabel label : truth.attacks()) {
      ObjectNode node = attacks.addObject();
      node.put("id", label.id());
      node.put("type", label.type().id());
      node.put("kind", label.kind().name());
      node.put("tenantId", label.tenantId());
      node.put("tenant", label.tenantName());
      strings(node.putArray("accounts"), label.accounts());
      node.put("start", label.start().toString());
      node.put("end", label.end().toString());
      strings(node.putArray("requiredRules"), List.copyOf(label.requiredRules()));
      strings(node.putArray("allowedRules"), List.copyOf(label.allowedRules()));
      ObjectNode parameters = node.putObject("parameters");
      label.parameters().forEach(parameters::put);
      node.put("summary", label.summary());
      strings(node.putArray("recordIds"), label.recordIds());
    }
    ArrayNode unplaced = root.putArray("unplaced");
    for (UnplacedAttack attack : truth.unplaced()) {
      ObjectNode node = unplaced.addObject();
      node.put("id", attack.id());
      node.put("type", attack.type().id());
      node.put("tenantId", attack.tenantId());
      node.put("tenant", attack.tenantName());
      node.put("reason", attack.reason());
    }
    return root;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
