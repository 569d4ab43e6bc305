package io.stormwatch.detector.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.detector.catalogue.RuleCatalogue;
import io.stormwatch.schemas.avro.Alert;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The findings Stormwatch writes are valid OCSF {@value DetectionFinding#OCSF_VERSION} Detection
 * Findings, checked against the schema's own definition files; and the check does catch what is
 * not.
 */
class DetectionFindingConformanceTest {

  private static final OcsfSchema SCHEMA = OcsfSchema.of(DetectionFinding.OCSF_VERSION);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DetectionFindingMapper mapper =
      new DetectionFindingMapper(RuleCatalogue.descriptors(), Optional.of("0.1.0"));

  static Stream<Alert> alerts() {
    return Stream.of(
        DetectionFindingMapperTest.tokenReplay(1),
        DetectionFindingMapperTest.tokenReplay(2),
        DetectionFindingMapperTest.coverageGap(),
        DetectionFindingMapperTest.mailBurst());
  }

  @ParameterizedTest
  @MethodSource("alerts")
  void writesFindingsTheSchemaAccepts(Alert alert) throws IOException {
    JsonNode finding = written(alert);

    assertThat(SCHEMA.violations(OcsfSchema.DETECTION_FINDING, finding)).isEmpty();
    assertThat(finding.path("metadata").path("version").asText()).isEqualTo("1.6.0");
  }

  @Test
  void readsBackWhatItWrites() {
    DetectionFinding finding = mapper.map(DetectionFindingMapperTest.tokenReplay(2));

    assertThat(OcsfJson.read(OcsfJson.write(finding))).isEqualTo(finding);
  }

  @Test
  void findsARequiredAttributeMissing() throws IOException {
    assertThat(violationsAfter(f -> ((ObjectNode) f.get("finding_info")).remove("uid")))
        .containsExactly("finding_info.uid is required");
  }

  @Test
  void findsAnAttributeTheClassDoesNotHave() throws IOException {
    assertThat(violationsAfter(f -> f.put("alert_revision", 2)))
        .containsExactly("alert_revision is not an attribute of detection_finding");
  }

  @Test
  void letsAnythingLiveUnderUnmapped() throws IOException {
    assertThat(violationsAfter(f -> ((ObjectNode) f.get("unmapped")).put("anything", "goes")))
        .isEmpty();
  }

  @Test
  void findsAnEnumValueTheSchemaDoesNotDefine() throws IOException {
    assertThat(violationsAfter(f -> f.put("severity_id", 7)))
        .contains("severity_id = 7 is not in its enum [0, 1, 2, 3, 4, 5, 6, 99]");
  }

  @Test
  void findsACaptionThatContradictsItsId() throws IOException {
    assertThat(violationsAfter(f -> f.put("severity", "Critical")))
        .containsExactly("severity = \"Critical\" but severity_id 4 is \"High\"");
  }

  @Test
  void findsAValueOfTheWrongType() throws IOException {
    assertThat(violationsAfter(f -> f.put("time", "2026-03-02T09:10:00Z")))
        .containsExactly("time = \"2026-03-02T09:10:00Z\" is not a timestamp_t");
  }

  @Test
  void findsTypeIdsThatDoNotAddUp() throws IOException {
    assertThat(violationsAfter(f -> f.put("type_uid", 200402)))
        .contains("type_uid = 200402, expected 200401");
  }

  @Test
  void findsAnAttributeOfAProfileTheEventDoesNotDeclare() throws IOException {
    assertThat(violationsAfter(f -> ((ArrayNode) f.at("/metadata/profiles")).removeAll()))
        .containsExactly("cloud belongs to profile cloud, not in metadata.profiles");
  }

  @Test
  void findsAnObservableThatPointsNowhere() throws IOException {
    assertThat(
            violationsAfter(
                f -> ((ObjectNode) f.at("/observables/0")).put("name", "src_endpoint.ip")))
        .contains("observables[0].name src_endpoint.ip points at nothing in the event");
  }

  @Test
  void findsAnObservableOfTheWrongType() throws IOException {
    assertThat(violationsAfter(f -> ((ObjectNode) f.at("/observables/0")).put("type_id", 4)))
        .contains("observables[0].type_id 4 but evidences[].src_endpoint.ip is observable type 2");
  }

  @Test
  void findsAnIpAddressThatIsNotOne() throws IOException {
    assertThat(
            violationsAfter(
                f -> ((ObjectNode) f.at("/evidences/0/src_endpoint")).put("ip", "not-an-ip")))
        .contains(
            "evidences[0].src_endpoint.ip = \"not-an-ip\" does not match the pattern of ip_t");
  }

  @Test
  void findsABrokenConstraint() throws IOException {
    assertThat(violationsAfter(f -> ((ObjectNode) f.at("/evidences/0")).remove("src_endpoint")))
        .contains(
            "evidences[0] needs at least one of [\"actor\",\"api\",\"connection_info\",\"data\","
                + "\"database\",\"databucket\",\"device\",\"dst_endpoint\",\"email\",\"file\","
                + "\"process\",\"query\",\"resources\",\"src_endpoint\",\"url\",\"user\",\"job\","
                + "\"script\"]");
  }

  @Test
  void findsADeprecatedAttribute() throws IOException {
    assertThat(
            violationsAfter(
                f ->
                    ((ObjectNode) f.at("/finding_info/attacks/0"))
                        .set("tactics", JSON.createArrayNode())))
        .containsExactly(
            "finding_info.attacks[0].tactics is deprecated: "
                + "\"Use the <code>tactic</code> attribute instead.\"");
  }

  private List<String> violationsAfter(Consumer<ObjectNode> change) throws IOException {
    ObjectNode finding = (ObjectNode) written(DetectionFindingMapperTest.tokenReplay(1));
    assertThat(SCHEMA.violations(OcsfSchema.DETECTION_FINDING, finding))
        .as("before the change")
        .isEmpty();
    change.accept(finding);
    return SCHEMA.violations(OcsfSchema.DETECTION_FINDING, finding);
  }

  private JsonNode written(Alert alert) throws IOException {
    return JSON.readTree(OcsfJson.write(mapper.map(alert)));
  }
}
