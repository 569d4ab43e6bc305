package io.stormwatch.detector.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.detector.testing.UpgradeScenario;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.serde.BundledSchemaResolver;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** An alerts-only deployment ({@code topic.events.enabled=false}) writes no normalised events. */
class AlertsOnlyTopologyTest {

  @Test
  void writesNoNormalisedEventsAndTheSameAlerts() {
    List<TestRecord<String, Alert>> withEvents;
    List<TestRecord<String, Alert>> alertsOnly;
    try (TopologyFixture pipeline = new TopologyFixture()) {
      UpgradeScenario.records().forEach(pipeline::pipe);
      assertThat(pipeline.events.getQueueSize()).isPositive();
      withEvents = pipeline.alerts.readRecordsToList();
    }
    try (TopologyFixture pipeline =
        new TopologyFixture(
            StormwatchConfig.from(Map.of(StormwatchConfig.TOPIC_EVENTS_ENABLED, "false")))) {
      UpgradeScenario.records().forEach(pipeline::pipe);
      assertThat(pipeline.producedTopicNames()).doesNotContain(pipeline.topics.events().name());
      assertThat(pipeline.events.isEmpty()).isTrue();
      alertsOnly = pipeline.alerts.readRecordsToList();
    }

    // Every rule fires in the scenario, so equal alerts mean every detection ran the same.
    assertThat(withEvents).extracting(r -> r.value().getRuleId()).hasSizeGreaterThan(3);
    assertThat(alertsOnly).isEqualTo(withEvents);
  }

  @Test
  void doesNotAskForTheEventsSchema() {
    var on = StormwatchTopics.of(StormwatchConfig.defaults().topics(), new BundledSchemaResolver());
    var off =
        StormwatchTopics.of(
            StormwatchConfig.from(Map.of(StormwatchConfig.TOPIC_EVENTS_ENABLED, "false")).topics(),
            new BundledSchemaResolver());

    assertThat(on.avroValueSchemas()).containsKey(on.events().name());
    assertThat(off.avroValueSchemas()).doesNotContainKey(off.events().name()).isNotEmpty();
  }
}
