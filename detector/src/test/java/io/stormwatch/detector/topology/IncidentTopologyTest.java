package io.stormwatch.detector.topology;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.TENANT;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.testing.RawRecords;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An account's alerts as one story: alerts close together in event time share an incident id, and
 * an inbox rule in an incident that holds a token alert is escalated, whichever stage of the
 * topology raised the token alert.
 */
class IncidentTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final byte[] TENANT_KEY = TENANT.getBytes(StandardCharsets.UTF_8);

  private final TopologyFixture pipeline = new TopologyFixture();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void aForwardingRuleMinutesAfterATokenReplayIsEscalatedInTheSameIncident() {
    pipeline.tokenReplayOfAlice(T0);
    forwardingRule("rule-1", T0.plus(Duration.ofMinutes(20)));

    Map<String, Alert> byRule = latestByRule(pipeline.alerts());

    Alert replay = byRule.get("token-replay");
    Alert forwarding = byRule.get("mail-forwarding");
    assertThat(forwarding.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(forwarding.getSummary())
        .endsWith("escalated: the account's incident holds a token-replay alert");
    assertThat(forwarding.getIncidentId()).isNotNull().isEqualTo(replay.getIncidentId());
  }

  @Test
  void aForwardingRuleWithoutATokenAlertKeepsItsSeverity() {
    forwardingRule("rule-1", T0);

    Alert forwarding = latestByRule(pipeline.alerts()).get("mail-forwarding");

    assertThat(forwarding.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(forwarding.getSummary()).doesNotContain("escalated");
    assertThat(forwarding.getIncidentId()).hasSize(32);
  }

  @Test
  void aForwardingRuleDaysAfterTheTokenAlertIsAnIncidentOfItsOwn() {
    pipeline.tokenReplayOfAlice(T0);
    forwardingRule("rule-1", T0.plus(Duration.ofDays(4)));

    Map<String, Alert> byRule = latestByRule(pipeline.alerts());

    Alert forwarding = byRule.get("mail-forwarding");
    assertThat(forwarding.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(forwarding.getIncidentId())
        .isNotNull()
        .isNotEqualTo(byRule.get("token-replay").getIncidentId());
  }

  @Test
  void aForgedTokenAlertOfTheTenantStageEscalatesTheAccountsNextInboxRule() {
    pipeline.ualRaw.pipeInput(
        TENANT_KEY,
        RawRecords.mailItemsAccessed(
            "forged-1", TENANT, ALICE, T0, "188.166.1.20", "never-issued", "unknown-session", 4),
        T0);
    for (int m = 0; m <= 180; m += 15) {
      pipeline.bobSignsIn(T0.plus(Duration.ofMinutes(m)));
    }
    forwardingRule("rule-1", T0.plus(Duration.ofMinutes(190)));

    Map<String, Alert> byRule = latestByRule(pipeline.alerts());

    Alert forwarding = byRule.get("mail-forwarding");
    assertThat(forwarding.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(forwarding.getSummary()).contains("holds a orphan-token alert");
    assertThat(forwarding.getIncidentId())
        .isNotNull()
        .isEqualTo(byRule.get("orphan-token").getIncidentId());
  }

  @Test
  void theAlertShowsTheIncidentsHoursBesideTheAccountsOwn() {
    // a week before, Alice works Monday 09:00-10:59 UTC on a token of her own sign-in
    Instant weekBefore = T0.minus(Duration.ofDays(7));
    pipeline.signInRaw.pipeInput(
        TENANT_KEY,
        RawRecords.signIn(
            "si-home", TENANT, ALICE, weekBefore, "73.22.10.5", 7922L, "US", "uti-home"),
        weekBefore);
    for (Instant read : List.of(weekBefore.plusSeconds(300), weekBefore.plusSeconds(4200))) {
      pipeline.ualRaw.pipeInput(
          TENANT_KEY,
          RawRecords.mailItemsAccessed(
              "home-" + read.getEpochSecond(), TENANT, ALICE, read, "73.22.10.5", "uti-home", 2),
          read);
    }
    // Tuesday 02:10 UTC: a token no sign-in issued, used while the sign-in feed runs on (Bob)
    Instant night = T0.plus(Duration.ofHours(17)).plusSeconds(600);
    for (int m = -180; m < 0; m += 15) {
      pipeline.bobSignsIn(night.plus(Duration.ofMinutes(m)));
    }
    pipeline.ualRaw.pipeInput(
        TENANT_KEY,
        RawRecords.mailItemsAccessed(
            "forged-1", TENANT, ALICE, night, "188.166.1.20", "never-issued", "unknown-session", 4),
        night);
    for (int m = 0; m <= 180; m += 15) {
      pipeline.bobSignsIn(night.plus(Duration.ofMinutes(m)));
    }

    Alert orphan = latestByRule(pipeline.alerts()).get("orphan-token");

    int mondayNine = 9;
    int tuesdayTwo = 24 + 2;
    assertThat(cellsWithActivity(orphan.getEvidence().getAccountActivity()))
        .containsExactly(
            Map.entry(mondayNine, 1), Map.entry(mondayNine + 1, 1), Map.entry(tuesdayTwo, 1));
    assertThat(cellsWithActivity(orphan.getEvidence().getIncidentActivity()))
        .containsExactly(Map.entry(tuesdayTwo, 1));
  }

  @Test
  void anotherAccountsTokenAlertEscalatesNothing() {
    pipeline.tokenReplayOfAlice(T0);
    pipeline.ualRaw.pipeInput(
        TENANT_KEY,
        RawRecords.newInboxRule(
            "bob-rule",
            TENANT,
            BOB,
            T0.plus(Duration.ofMinutes(20)),
            "188.166.1.20",
            "drop@proton.me"),
        T0.plus(Duration.ofMinutes(20)));

    Map<String, Alert> byRule = latestByRule(pipeline.alerts());

    Alert forwarding = byRule.get("mail-forwarding");
    assertThat(forwarding.getAccountId()).isEqualTo(BOB);
    assertThat(forwarding.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(forwarding.getIncidentId()).isNotEqualTo(byRule.get("token-replay").getIncidentId());
  }

  private void forwardingRule(String id, Instant at) {
    pipeline.ualRaw.pipeInput(
        TENANT_KEY,
        RawRecords.newInboxRule(id, TENANT, ALICE, at, VPS_NL.ip(), "drop@proton.me"),
        at);
  }

  private static List<Map.Entry<Integer, Integer>> cellsWithActivity(List<Integer> cells) {
    assertThat(cells).hasSize(168);
    return IntStream.range(0, cells.size())
        .filter(cell -> cells.get(cell) > 0)
        .mapToObj(cell -> Map.entry(cell, cells.get(cell)))
        .toList();
  }

  /** The latest revision of each rule's alert; each test raises at most one alert per rule. */
  private static Map<String, Alert> latestByRule(List<Alert> alerts) {
    return alerts.stream()
        .collect(Collectors.toMap(Alert::getRuleId, Function.identity(), (a, b) -> b));
  }
}
