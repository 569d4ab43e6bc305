package io.stormwatch.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.sim.truth.GroundTruth;
import io.stormwatch.sim.world.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The output of one simulation, parsed, with the questions tests ask of it. */
final class SimulatedRun {

  static final Instant TUESDAY_MORNING_UTC = Instant.parse("2026-03-10T08:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();

  final TenantSimulator simulator;
  final List<SimulatedRecord> records = new ArrayList<>();
  final List<JsonNode> mailRecords = new ArrayList<>();
  final List<JsonNode> signIns = new ArrayList<>();
  final SimulationStats stats;

  private SimulatedRun(SimulationSettings settings, boolean parsed) {
    this.simulator = new TenantSimulator(settings);
    this.stats = simulator.run(records::add);
    if (parsed) {
      for (SimulatedRecord record : records) {
        (record.topic() == RawTopic.UAL ? mailRecords : signIns).add(parse(record));
      }
    }
  }

  /** Runs a simulation and parses every record. */
  static SimulatedRun of(SimulationSettings settings) {
    return new SimulatedRun(settings, true);
  }

  /** Runs a simulation and keeps only the raw records, for byte-level comparisons. */
  static SimulatedRun unparsed(SimulationSettings settings) {
    return new SimulatedRun(settings, false);
  }

  /** The default settings on a Tuesday morning, UTC. */
  static SimulatedRun defaults() {
    return of(SimulationSettings.defaults(TUESDAY_MORNING_UTC));
  }

  static JsonNode parse(SimulatedRecord record) {
    try {
      return JSON.readTree(record.json());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + record.jsonText(), e);
    }
  }

  GroundTruth truth() {
    return simulator.groundTruth();
  }

  Set<String> attackRecordIds() {
    return truth().attacks().stream()
        .flatMap(a -> a.recordIds().stream())
        .collect(Collectors.toSet());
  }

  /** MailItemsAccessed records no attack produced. */
  List<JsonNode> benignMailRecords() {
    Set<String> attack = attackRecordIds();
    return mailRecords.stream().filter(r -> !attack.contains(r.path("Id").asText())).toList();
  }

  List<JsonNode> mailRecordsOf(ScenarioLabel attack) {
    Set<String> ids = new HashSet<>(attack.recordIds());
    return mailRecords.stream().filter(r -> ids.contains(r.path("Id").asText())).toList();
  }

  Map<String, User> usersByUpn() {
    return simulator.world().users().collect(Collectors.toMap(User::upn, Function.identity()));
  }

  static String accessType(JsonNode mailRecord) {
    for (JsonNode property : mailRecord.path("OperationProperties")) {
      if (property.path("Name").asText().equals("MailAccessType")) {
        return property.path("Value").asText();
      }
    }
    return "";
  }
}
