package io.stormwatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stormwatch.formats.ParseResult.Parsed;
import io.stormwatch.formats.ParseResult.Rejected;
import io.stormwatch.formats.common.RejectionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Whatever arrives on a raw topic, the parsers answer with results and never throw. */
class ParserRobustnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> FIXTURES =
      List.of(
          "ual/mail-items-accessed-bind.json",
          "ual/mail-items-accessed-sync.json",
          "ual/owa-auth.json",
          "ual/sharepoint-file-accessed.json",
          "ual/azure-ad-user-logged-in.json",
          "ual/content-blob.json",
          "entra/diagnostic-interactive.json",
          "entra/diagnostic-non-interactive-pascal.json",
          "entra/diagnostic-service-principal.json",
          "entra/graph-interactive.json",
          "entra/log-analytics-non-interactive.json",
          "entra/event-hub-envelope.json",
          "entra/graph-page.json");

  /**
   * Field names the mappers look at, so random objects exercise the mapping and not only framing.
   */
  private static final List<String> FIELD_NAMES =
      List.of(
          "Id",
          "OrganizationId",
          "UserId",
          "CreationTime",
          "Operation",
          "RecordType",
          "ClientIPAddress",
          "ClientIP",
          "AppAccessContext",
          "UniqueTokenId",
          "AADSessionId",
          "IssuedAtTime",
          "OperationProperties",
          "Name",
          "Value",
          "OperationCount",
          "Folders",
          "records",
          "value",
          "properties",
          "Properties",
          "id",
          "tenantId",
          "TenantId",
          "AADTenantId",
          "userPrincipalName",
          "servicePrincipalId",
          "appId",
          "category",
          "time",
          "createdDateTime",
          "ipAddress",
          "callerIpAddress",
          "status",
          "Status",
          "errorCode",
          "location",
          "LocationDetails",
          "countryOrRegion",
          "autonomousSystemNumber",
          "isInteractive",
          "resultType",
          "@odata.context");

  private static final List<String> TRICKY_STRINGS =
      List.of(
          "",
          " ",
          "0",
          "1.0",
          "True",
          "false",
          "Bind",
          "Sync",
          "MailItemsAccessed",
          "OWAAuth",
          "SignInLogs",
          "ServicePrincipalSignInLogs",
          "2020-02-17T17:12:03",
          "9/20/2023 4:05:03 AM",
          "2020-13-45",
          "[10.11.12.13]:12345",
          "::ffff:10.11.12.13",
          "[2001:db8::abcd]",
          "[",
          "[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"}]",
          "{\"errorCode\":0}",
          "{",
          "\u0000",
          "ü–\uD83D\uDE00");

  private static final Set<String> KNOWN_ERROR_TYPES =
      Arrays.stream(RejectionType.values())
          .filter(type -> type != RejectionType.INTERNAL_ERROR)
          .map(RejectionType::code)
          .collect(Collectors.toSet());

  private final UnifiedAuditLogParser ual = new UnifiedAuditLogParser();
  private final EntraSignInParser signIns = new EntraSignInParser();

  @Property(tries = 300)
  void randomBytesAreAnsweredNotThrown(@ForAll byte[] message) {
    assertWellFormed(ual.parse(message));
    assertWellFormed(signIns.parse(message));
  }

  @Property(tries = 500)
  void randomJsonIsAnsweredNotThrown(@ForAll("jsonDocuments") JsonNode document) throws Exception {
    byte[] message = JSON.writeValueAsBytes(document);

    assertWellFormed(ual.parse(message));
    assertWellFormed(signIns.parse(message));
  }

  @Property(tries = 500)
  void fixturesMissingAFieldAreAnsweredNotThrown(
      @ForAll("fixtureNames") String fixture, @ForAll("fieldNames") String field) throws Exception {
    JsonNode record = Fixtures.tree(fixture);
    for (ObjectNode object : objectsIn(record)) {
      object.remove(field);
    }
    byte[] message = JSON.writeValueAsBytes(record);

    assertWellFormed(ual.parse(message));
    assertWellFormed(signIns.parse(message));
  }

  @Property(tries = 500)
  void fixturesWithAFieldOfAnotherTypeAreAnsweredNotThrown(
      @ForAll("fixtureNames") String fixture,
      @ForAll("fieldNames") String field,
      @ForAll("jsonValues") JsonNode replacement)
      throws Exception {
    JsonNode record = Fixtures.tree(fixture);
    for (ObjectNode object : objectsIn(record)) {
      if (object.has(field)) {
        object.set(field, replacement);
      }
    }
    byte[] message = JSON.writeValueAsBytes(record);

    assertWellFormed(ual.parse(message));
    assertWellFormed(signIns.parse(message));
  }

  @Property(tries = 500)
  void truncatedFixturesAreAnsweredNotThrown(
      @ForAll("fixtureNames") String fixture, @ForAll double keptFraction) {
    byte[] whole = Fixtures.bytes(fixture);
    int kept = (int) (Math.abs(keptFraction % 1.0) * whole.length);
    byte[] message = Arrays.copyOf(whole, kept);

    assertWellFormed(ual.parse(message));
    assertWellFormed(signIns.parse(message));
  }

  private static void assertWellFormed(List<ParseResult> results) {
    assertThat(results).isNotNull();
    for (ParseResult result : results) {
      if (result instanceof Parsed parsed) {
        assertThat(parsed.event()).isNotNull();
      } else {
        Rejected rejected = (Rejected) result;
        assertThat(rejected.errorType()).isIn(KNOWN_ERROR_TYPES);
        assertThat(rejected.reason()).isNotBlank();
        assertThat(rejected.recordBytes()).isNotNull();
      }
    }
  }

  /** The record and the objects nested in it, so a mutation reaches properties and contexts. */
  private static List<ObjectNode> objectsIn(JsonNode node) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(node, objects);
    return objects;
  }

  private static void collect(JsonNode node, List<ObjectNode> objects) {
    if (node.isObject()) {
      objects.add((ObjectNode) node);
    }
    for (JsonNode child : node) {
      collect(child, objects);
    }
  }

  @Provide
  Arbitrary<String> fixtureNames() {
    return Arbitraries.of(FIXTURES);
  }

  @Provide
  Arbitrary<String> fieldNames() {
    return Arbitraries.of(FIELD_NAMES);
  }

  @Provide
  Arbitrary<JsonNode> jsonValues() {
    return json(2);
  }

  @Provide
  Arbitrary<JsonNode> jsonDocuments() {
    return json(3);
  }

  private Arbitrary<JsonNode> json(int depth) {
    Arbitrary<JsonNode> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(24).map(TextNode::valueOf),
            Arbitraries.of(TRICKY_STRINGS).map(TextNode::valueOf),
            Arbitraries.integers().map(IntNode::valueOf),
            Arbitraries.doubles().map(DoubleNode::valueOf),
            Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.getInstance()));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<JsonNode> array =
        json(depth - 1)
            .list()
            .ofMaxSize(4)
            .map(
                items -> {
                  ArrayNode node = JsonNodeFactory.instance.arrayNode();
                  node.addAll(items);
                  return node;
                });
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(FIELD_NAMES), Arbitraries.strings().alpha().ofMaxLength(6));
    Arbitrary<JsonNode> object =
        Combinators.combine(keys, json(depth - 1))
            .as(Tuple::of)
            .list()
            .ofMaxSize(8)
            .map(
                entries -> {
                  ObjectNode node = JsonNodeFactory.instance.objectNode();
                  entries.forEach(entry -> node.set(entry.get1(), entry.get2()));
                  return node;
                });
    return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(3, object));
  }
}
