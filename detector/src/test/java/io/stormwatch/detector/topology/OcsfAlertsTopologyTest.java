package io.stormwatch.detector.topology;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.ocsf.DetectionFinding;
import io.stormwatch.detector.ocsf.OcsfSchema;
import io.stormwatch.detector.testing.RawRecords;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.schemas.avro.Alert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Alerts also as OCSF Detection Findings, from the same topology, when a topic is configured. */
class OcsfAlertsTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String OCSF_TOPIC = "alerts.ocsf";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OcsfSchema SCHEMA = OcsfSchema.of(DetectionFinding.OCSF_VERSION);

  @Test
  void writesEveryRevisionOfAnAccountAlertAlsoAsAFinding() throws IOException {
    try (TopologyFixture pipeline = withOcsf()) {
      tokenReplayedFromTwoMoreNetworks(pipeline);

      List<TestRecord<String, Alert>> alerts = pipeline.alerts.readRecordsToList();
      List<TestRecord<String, byte[]>> findings = pipeline.ocsfAlerts.readRecordsToList();

      assertThat(alerts).extracting(r -> r.value().getRevision()).containsExactly(1, 2);
      assertThat(findings).hasSameSizeAs(alerts);
      for (int i = 0; i < alerts.size(); i++) {
        Alert alert = alerts.get(i).value();
        JsonNode finding = JSON.readTree(findings.get(i).value());
        assertThat(findings.get(i).key()).isEqualTo(alert.getAlertId());
        assertThat(findings.get(i).getRecordTime()).isEqualTo(alerts.get(i).getRecordTime());
        assertThat(finding.at("/finding_info/uid").asText()).isEqualTo(alert.getAlertId());
        assertThat(finding.at("/finding_info/analytic/uid").asText()).isEqualTo("token-replay");
        assertThat(finding.at("/unmapped/revision").asInt()).isEqualTo(alert.getRevision());
        assertThat(SCHEMA.violations(OcsfSchema.DETECTION_FINDING, finding)).isEmpty();
      }
      assertThat(findings)
          .extracting(r -> JSON.readTree(r.value()).path("activity_name").asText())
          .containsExactly("Create", "Update");
    }
  }

  @Test
  void writesATenantStageAlertAlsoAsAFinding() throws IOException {
    try (TopologyFixture pipeline = withOcsf()) {
      byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
      pipeline.ualRaw.pipeInput(
          tenant,
          RawRecords.mailItemsAccessed(
              "forged-1", TENANT, ALICE, T0, "188.166.1.20", "never-issued", "unknown", 40),
          T0);
      for (int m = 0; m <= 180; m += 15) {
        Instant at = T0.plus(Duration.ofMinutes(m));
        pipeline.signInRaw.pipeInput(
            tenant,
            RawRecords.signIn("bob-si-" + m, TENANT, BOB, at, "73.1.2.3", 7922L, "US", "bob-" + m),
            at);
      }

      Alert alert = pipeline.alerts.readValue();
      JsonNode finding = JSON.readTree(pipeline.ocsfAlerts.readValue());

      assertThat(alert.getRuleId()).isEqualTo("orphan-token");
      assertThat(finding.at("/finding_info/uid").asText()).isEqualTo(alert.getAlertId());
      assertThat(finding.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1606");
      assertThat(SCHEMA.violations(OcsfSchema.DETECTION_FINDING, finding)).isEmpty();
      assertThat(pipeline.ocsfAlerts.isEmpty()).isTrue();
    }
  }

  @Test
  void writesNoFindingWhenNoOcsfTopicIsConfigured() {
    try (TopologyFixture pipeline = new TopologyFixture()) {
      tokenReplayedFromTwoMoreNetworks(pipeline);

      assertThat(pipeline.alerts.readValuesToList()).hasSize(2);
      assertThat(pipeline.ocsfAlerts).isNull();
      assertThat(pipeline.producedTopicNames())
          .filteredOn(topic -> !topic.endsWith("-changelog"))
          .containsExactlyInAnyOrder(
              pipeline.config.topics().events(), pipeline.config.topics().alerts());
    }
  }

  private static TopologyFixture withOcsf() {
    return new TopologyFixture(StormwatchConfig.from(Map.of("topic.alerts.ocsf", OCSF_TOPIC)));
  }

  /** Alice's token, issued at home, is used from a VPS abroad (revision 1), then from a third. */
  private static void tokenReplayedFromTwoMoreNetworks(TopologyFixture pipeline) {
    byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
    pipeline.signInRaw.pipeInput(
        tenant,
        RawRecords.signIn("si-1", TENANT, ALICE, T0, "73.22.10.5", 7922L, "US", "uti-stolen"),
        T0);
    List<String> ips = new ArrayList<>(List.of("73.22.10.5", "188.166.1.20", "12.0.1.9"));
    for (int i = 0; i < ips.size(); i++) {
      Instant at = T0.plusSeconds(60 + 600L * i);
      pipeline.ualRaw.pipeInput(
          tenant,
          RawRecords.mailItemsAccessed("ual-" + i, TENANT, ALICE, at, ips.get(i), "uti-stolen", 3),
          at);
    }
  }
}
