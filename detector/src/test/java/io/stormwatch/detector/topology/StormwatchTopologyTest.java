package io.stormwatch.detector.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.catalogue.RuleCatalogue;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.rules.RuleEntry;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.schemas.serde.BundledSchemaResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.junit.jupiter.api.Test;

class StormwatchTopologyTest {

  /**
   * Node and store names are part of the deployed state: renaming one orphans its changelog. A
   * deliberate change updates {@code topology-description.txt} in the same commit.
   */
  @Test
  void keepsItsNodeAndStoreNames() throws IOException {
    String described = build(StormwatchConfig.defaults()).describe().toString();
    // For a deliberate change: copy this file over src/test/resources/topology-description.txt.
    Files.writeString(Path.of("target", "topology-description.actual.txt"), described);

    assertThat(described.strip()).isEqualTo(expected("topology-description.txt").strip());
  }

  /** The OCSF alerts add two nodes and leave every other node and store as it is. */
  @Test
  void keepsItsNodeAndStoreNamesWithOcsfAlerts() throws IOException {
    var config = StormwatchConfig.from(Map.of("topic.alerts.ocsf", "alerts.ocsf"));
    String described = build(config).describe().toString();
    Files.writeString(Path.of("target", "topology-description-ocsf.actual.txt"), described);

    assertThat(described.strip()).isEqualTo(expected("topology-description-ocsf.txt").strip());
  }

  @Test
  void leavesOutRulesThatAreSwitchedOff() {
    var config = StormwatchConfig.from(Map.of("rule.mail-burst.enabled", "false"));

    assertThat(StormwatchTopology.accountRules(config))
        .extracting(rule -> rule.descriptor().id())
        .containsExactlyElementsOf(idsInCatalogueOrder(RuleEntry.Account.class, "mail-burst"))
        .contains("token-replay", "audit-tampering");
    assertThat(StormwatchTopology.tenantRules(config))
        .extracting(rule -> rule.descriptor().id())
        .containsExactlyElementsOf(idsInCatalogueOrder(RuleEntry.Tenant.class, "mail-burst"))
        .contains("orphan-token", "signin-coverage-gap");
  }

  private static List<String> idsInCatalogueOrder(
      Class<? extends RuleEntry> scope, String switchedOff) {
    return RuleCatalogue.entries().stream()
        .filter(scope::isInstance)
        .map(entry -> entry.descriptor().id())
        .filter(id -> !id.equals(switchedOff))
        .toList();
  }

  /**
   * A source's extractor replaces Kafka Streams' default one: a deployment's own default (the
   * benchmark's reads the event time from a header) must still decide, within the clock bounds.
   */
  @Test
  void rawRecordsTakeTheTimestampOfTheConfiguredDefaultExtractor() {
    var config =
        StormwatchConfig.from(
            Map.of("kafka.default.timestamp.extractor", DayOneExtractor.class.getName()));
    long now = System.currentTimeMillis();
    var record =
        new ConsumerRecord<Object, Object>(
            "m365.audit.raw",
            0,
            7L,
            now,
            TimestampType.LOG_APPEND_TIME,
            0,
            0,
            null,
            null,
            new RecordHeaders(),
            Optional.empty());

    assertThat(StormwatchTopology.rawRecordTimestamps(config).extract(record, -1))
        .isEqualTo(DayOneExtractor.DAY_ONE);
    assertThat(
            StormwatchTopology.rawRecordTimestamps(StormwatchConfig.defaults()).extract(record, -1))
        .isEqualTo(now);
  }

  /** Gives every record the first day of 2026. */
  public static final class DayOneExtractor implements TimestampExtractor {
    static final long DAY_ONE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
      return DAY_ONE;
    }
  }

  private static org.apache.kafka.streams.Topology build(StormwatchConfig config) {
    return StormwatchTopology.build(
        config,
        StormwatchTopology.Components.standard(
            config, new BundledSchemaResolver(), TopologyFixture.IP_TABLE));
  }

  private static String expected(String resource) throws IOException {
    try (InputStream in = StormwatchTopologyTest.class.getResourceAsStream("/" + resource)) {
      assertThat(in).as(resource + " on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
