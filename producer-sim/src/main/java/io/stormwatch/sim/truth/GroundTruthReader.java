package io.stormwatch.sim.truth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.sim.attack.AttackType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON {@link GroundTruthWriter} writes. */
public final class GroundTruthReader {

  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * Reads a ground-truth file.
   *
   * @throws UncheckedIOException if the file cannot be read or is not JSON
   * @throws IllegalArgumentException if the JSON lacks a ground-truth field or has a bad value
   */
  public GroundTruth read(Path file) {
    try {
      return fromTree(mapper.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ground truth from " + file, e);
    }
  }

  /**
   * Parses ground-truth JSON text.
   *
   * @throws UncheckedIOException if the text is not JSON
   * @throws IllegalArgumentException if the JSON lacks a ground-truth field or has a bad value
   */
  public GroundTruth parse(String json) {
    try {
      return fromTree(mapper.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON", e);
    }
  }

  private static GroundTruth fromTree(JsonNode root) {
    try {
      return convert(root);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not ground-truth JSON: " + e.getMessage(), e);
    }
  }

  private static GroundTruth convert(JsonNode root) {
    List<LabelledAttack> attacks = new ArrayList<>();
    for (JsonNode node : root.required("attacks")) {
      List<Long> asns = new ArrayList<>();
      node.required("sourceAsns").forEach(n -> asns.add(n.asLong()));
      attacks.add(
          new LabelledAttack(
              text(node, "attackId"),
              AttackType.valueOf(text(node, "type")),
              strings(node, "techniques"),
              text(node, "tenantId"),
              text(node, "tenantName"),
              text(node, "accountId"),
              Instant.parse(text(node, "startTime")),
              Instant.parse(text(node, "endTime")),
              strings(node, "recordIds"),
              node.required("itemCount").asLong(),
              strings(node, "sourceIps"),
              asns,
              strings(node, "sourceCountries"),
              strings(node, "uniqueTokenIds"),
              node.path("sessionId").isNull() ? null : node.path("sessionId").asText(null),
              text(node, "clientAppId"),
              text(node, "summary")));
    }
    List<UnplacedAttack> unplaced = new ArrayList<>();
    for (JsonNode node : root.path("unplaced")) {
      unplaced.add(
          new UnplacedAttack(
              text(node, "attackId"),
              AttackType.valueOf(text(node, "type")),
              text(node, "tenantId"),
              text(node, "tenantName"),
              text(node, "reason")));
    }
    return new GroundTruth(
        root.required("seed").asLong(),
        Instant.parse(text(root, "start")),
        Instant.parse(text(root, "end")),
        attacks,
        unplaced);
  }

  private static String text(JsonNode node, String field) {
    return node.required(field).asText();
  }

  private static List<String> strings(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    node.required(field).forEach(n -> values.add(n.asText()));
    return values;
  }
}
