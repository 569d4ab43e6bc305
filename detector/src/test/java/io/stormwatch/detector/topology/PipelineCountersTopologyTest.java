package io.stormwatch.detector.topology;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.metrics.PipelineCounters;
import io.stormwatch.detector.testing.RawRecords;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stormwatch's own counters, read from the Kafka Streams metrics of the running topology. */
class PipelineCountersTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final byte[] TENANT_KEY = TENANT.getBytes(StandardCharsets.UTF_8);

  private final TopologyFixture pipeline = new TopologyFixture();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void countsEveryAuditRecordByOutcomeAndEveryDeadLetterByReason() {
    signIn("si-1", T0);
    mailBind("ual-1", T0.plusSeconds(60), "73.22.10.5");
    mailBind("ual-1", T0.plusSeconds(60), "73.22.10.5"); // re-delivered
    pipeline.ualRaw.pipeInput(TENANT_KEY, "not json".getBytes(StandardCharsets.UTF_8), T0);
    pipeline.ualRaw.pipeInput(TENANT_KEY, new byte[0], T0);
    mailBind("ual-old", T0.minus(Duration.ofHours(3)), "73.22.10.5"); // beyond the 2h grace

    assertThat(records("normalised")).isEqualTo(3);
    assertThat(records("duplicate")).isEqualTo(1);
    assertThat(records("dead-lettered")).isEqualTo(2);
    assertThat(records("late")).isEqualTo(1);
    assertThat(pipeline.late.readValuesToList()).hasSize(1);
    assertThat(deadLetters("not-json")).isEqualTo(1);
    assertThat(deadLetters("empty-value")).isEqualTo(1);
    assertThat(deadLetters("missing-field"))
        .as("every known reason is exported from the start, at zero")
        .isZero();
  }

  @Test
  void countsEveryAlertRecordByRuleAndSeverity() {
    signIn("si-1", T0);
    mailBind("ual-1", T0.plusSeconds(60), "73.22.10.5");
    mailBind("ual-2", T0.plusSeconds(900), "188.166.1.20"); // the token again, from a VPS

    List<Alert> alerts = pipeline.alerts();

    assertThat(alerts).extracting(Alert::getRuleId).containsExactly("token-replay");
    Severity fired = alerts.get(0).getSeverity();
    assertThat(alerts("token-replay", fired)).isEqualTo(1);
    for (Severity other : Severity.values()) {
      if (other != fired) {
        assertThat(alerts("token-replay", other)).as(other.name()).isZero();
      }
    }
    assertThat(alerts("orphan-token", Severity.HIGH))
        .as("tenant-level rules are counted too, from the start")
        .isZero();
  }

  @Test
  void countsMailReadsThatOrphanTokenCannotJudgeForWantOfTokenAndSessionIds() {
    assertThat(unjudgeableTokenUses()).as("exported from the start, at zero").isZero();
    signIn("si-1", T0);
    mailBind("ual-1", T0.plusSeconds(60), "73.22.10.5");
    pipeline.ualRaw.pipeInput(
        TENANT_KEY,
        RawRecords.mailItemsAccessed(
            "ual-no-ids", TENANT, ALICE, T0.plusSeconds(120), "73.22.10.5", null, null, 5),
        T0.plusSeconds(120));

    assertThat(unjudgeableTokenUses()).isEqualTo(1);
  }

  @Test
  void tagsEachCounterWithTheStreamThreadThatRecordedIt() {
    signIn("si-1", T0);

    MetricName name =
        counter(PipelineCounters.RECORDS, Map.of("outcome", "normalised")).orElseThrow();

    assertThat(name.group()).isEqualTo(PipelineCounters.GROUP);
    assertThat(name.tags()).containsOnlyKeys("thread-id", "outcome");
  }

  private void signIn(String id, Instant at) {
    pipeline.signInRaw.pipeInput(
        TENANT_KEY,
        RawRecords.signIn(id, TENANT, ALICE, at, "73.22.10.5", 7922L, "US", "uti-stolen"),
        at);
  }

  private void mailBind(String id, Instant at, String ip) {
    pipeline.ualRaw.pipeInput(
        TENANT_KEY, RawRecords.mailItemsAccessed(id, TENANT, ALICE, at, ip, "uti-stolen", 2), at);
  }

  private double records(String outcome) {
    return value(PipelineCounters.RECORDS, Map.of("outcome", outcome));
  }

  private double deadLetters(String reason) {
    return value(PipelineCounters.DEAD_LETTERS, Map.of("reason", reason));
  }

  private double alerts(String rule, Severity severity) {
    return value(PipelineCounters.ALERTS, Map.of("rule", rule, "severity", severity.name()));
  }

  private double unjudgeableTokenUses() {
    return value(PipelineCounters.UNJUDGEABLE_TOKEN_USES, Map.of());
  }

  /** The counter's value; fails if the topology does not export it. */
  private double value(String name, Map<String, String> tags) {
    MetricName metric =
        counter(name, tags).orElseThrow(() -> new AssertionError("no " + name + " " + tags));
    return ((Number) pipeline.metrics().get(metric).metricValue()).doubleValue();
  }

  private Optional<MetricName> counter(String name, Map<String, String> tags) {
    return pipeline.metrics().keySet().stream()
        .filter(m -> m.group().equals(PipelineCounters.GROUP) && m.name().equals(name))
        .filter(m -> m.tags().entrySet().containsAll(tags.entrySet()))
        .findFirst();
  }
}
