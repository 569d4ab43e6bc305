package io.stormwatch.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.scenario.stage.ScenarioNetworks;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.NetworkCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The records of one scenario run, with the questions the tests ask of them. */
final class ScenarioRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  final ScenarioRun run;
  final List<ScenarioRecord> records = new ArrayList<>();
  final Map<String, ScenarioRecord> byId = new LinkedHashMap<>();

  /** Every delivered sign-in, parsed, by uniqueTokenIdentifier. */
  final Map<String, JsonNode> signInsByUti = new HashMap<>();

  ScenarioRecords(ScenarioRun run) {
    this.run = run;
    run.run(records::add);
    for (ScenarioRecord record : records) {
      byId.put(record.recordId(), record);
      if (record.record().topic() == RawTopic.SIGN_IN) {
        JsonNode signIn = parse(record);
        signInsByUti.put(signIn.path("properties").path("uniqueTokenIdentifier").asText(), signIn);
      }
    }
  }

  static ScenarioRecords ci(long seed) {
    return new ScenarioRecords(new ScenarioRun(ScenarioSettings.of(seed, ScenarioSet.ci())));
  }

  ScenarioLabel label(ScenarioType type) {
    return run.labels().stream()
        .filter(l -> l.type() == type)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.id() + " in the run"));
  }

  /** The label's records, parsed, in label order. */
  List<JsonNode> recordsOf(ScenarioLabel label) {
    return label.recordIds().stream().map(byId::get).map(ScenarioRecords::parse).toList();
  }

  /** The label's MailItemsAccessed records, parsed. */
  List<JsonNode> mailRecordsOf(ScenarioLabel label) {
    return recordsOf(label).stream()
        .filter(r -> r.path("Operation").asText().equals("MailItemsAccessed"))
        .toList();
  }

  /** The label's OWAAuth records, parsed. */
  List<JsonNode> owaRecordsOf(ScenarioLabel label) {
    return recordsOf(label).stream()
        .filter(r -> r.path("Operation").asText().equals("OWAAuth"))
        .toList();
  }

  /** Every delivered record of the label's tenant, in arrival order. */
  List<ScenarioRecord> tenantRecords(ScenarioLabel label) {
    return records.stream().filter(r -> r.record().tenantId().equals(label.tenantId())).toList();
  }

  /** Every delivered record that mentions {@code text}, parsed. */
  Stream<JsonNode> mentioning(String text, RawTopic topic) {
    return records.stream()
        .filter(r -> r.record().topic() == topic)
        .filter(r -> r.record().jsonText().contains(text))
        .map(ScenarioRecords::parse);
  }

  static JsonNode parse(ScenarioRecord record) {
    try {
      return JSON.readTree(record.record().json());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + record.record().jsonText(), e);
    }
  }

  static String uti(JsonNode mailRecord) {
    return mailRecord.path("AppAccessContext").path("UniqueTokenId").asText();
  }

  static String operationProperty(JsonNode mailRecord, String name) {
    for (JsonNode property : mailRecord.path("OperationProperties")) {
      if (property.path("Name").asText().equals(name)) {
        return property.path("Value").asText();
      }
    }
    return "";
  }

  static Instant creationTime(JsonNode mailRecord) {
    return Instant.parse(mailRecord.path("CreationTime").asText() + "Z");
  }

  /** The network the simulation draws an address from, as the IP database maps it. */
  static Network networkOf(String ip) {
    Optional<Network> scenario =
        ScenarioNetworks.all().stream().filter(n -> n.contains(ip)).findFirst();
    return scenario
        .or(() -> NetworkCatalogue.standard().owning(ip))
        .orElseThrow(() -> new AssertionError(ip + " is in no known network"));
  }

  static long asnOf(String ip) {
    return networkOf(ip).asn();
  }
}
