package io.stormwatch.sim.scenario;

import static io.stormwatch.sim.scenario.ScenarioRecords.asnOf;
import static io.stormwatch.sim.scenario.ScenarioRecords.creationTime;
import static io.stormwatch.sim.scenario.ScenarioRecords.operationProperty;
import static io.stormwatch.sim.scenario.ScenarioRecords.uti;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stormwatch.sim.RawTopic;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every attack carries the signal its required rule looks for, and only that signal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackPatternsTest {

  private final ScenarioRecords ci = ScenarioRecords.ci(42);

  @Test
  void theReplayedTokenIsUsedFromTheVictimsHomeAndFromAVpsAtTheSameTime() {
    ScenarioLabel label = ci.label(ScenarioType.TOKEN_REPLAY_VPS);
    String token = label.parameters().get("uniqueTokenId");
    Set<Long> asns =
        ci.mentioning(token, RawTopic.UAL)
            .map(r -> asnOf(r.path("ClientIPAddress").asText()))
            .collect(Collectors.toSet());
    assertThat(asns)
        .containsExactlyInAnyOrder(
            Long.parseLong(label.parameters().get("victimAsn")),
            Long.parseLong(label.parameters().get("attackerAsn")));
    assertThat(ci.signInsByUti).containsKey(token);
  }

  @Test
  void theImpossibleTravellerIsFasterThanAnyAircraftAndOnAResidentialNetwork() {
    ScenarioLabel label = ci.label(ScenarioType.TOKEN_REPLAY_IMPOSSIBLE_TRAVEL);
    assertThat(Long.parseLong(label.parameters().get("speedKmPerHour"))).isGreaterThan(5_000);
    assertThat(
            ScenarioRecords.networkOf(
                    ci.mailRecordsOf(label).get(0).path("ClientIPAddress").asText())
                .kind())
        .isEqualTo(io.stormwatch.sim.world.NetworkKind.RESIDENTIAL);
  }

  @Test
  void theForgedTokenWasNeverIssuedAndReadsInBulk() {
    ScenarioLabel label = ci.label(ScenarioType.FORGED_TOKEN_BULK_REST);
    List<JsonNode> records = ci.mailRecordsOf(label);
    assertThat(records.stream().map(ScenarioRecords::uti).distinct()).hasSize(1);
    assertThat(ci.signInsByUti).doesNotContainKey(uti(records.get(0)));
    assertThat(records.stream().mapToInt(r -> r.path("OperationCount").asInt()).sum())
        .isBetween(1000, 3000);
    assertThat(Duration.between(label.end(), ci.run.end()))
        .isGreaterThanOrEqualTo(Duration.ofHours(4));
  }

  @Test
  void theConsentPhishingAppReadsModestlyWithIssuedTokensOfItsOwnAppId() {
    ScenarioLabel label = ci.label(ScenarioType.CONSENT_PHISHING_APP);
    String app = label.parameters().get("clientAppId");
    List<JsonNode> reads = ci.mailRecordsOf(label);
    assertThat(reads).isNotEmpty();
    for (JsonNode read : reads) {
      assertThat(read.path("ClientAppId").asText()).isEqualTo(app);
      JsonNode signIn = ci.signInsByUti.get(uti(read));
      assertThat(signIn).as("issuance of %s", uti(read)).isNotNull();
      assertThat(signIn.path("properties").path("appId").asText()).isEqualTo(app);
      assertThat(signIn.path("properties").path("resourceId").asText())
          .isEqualTo("00000003-0000-0000-c000-000000000000");
    }
    assertThat(Double.parseDouble(label.parameters().get("itemsPerHour"))).isLessThan(60);
    String victim = label.accounts().get(0);
    assertThat(
            ci.mentioning(victim, RawTopic.UAL)
                .filter(r -> creationTime(r).isBefore(Instant.parse("2026-03-03T00:00:00Z")))
                .map(r -> r.path("ClientAppId").asText()))
        .isNotEmpty()
        .doesNotContain(app);
  }

  @Test
  void theMassReadCollectsThousandsOfItemsWithinAnHour() {
    ScenarioLabel label = ci.label(ScenarioType.MASS_MAIL_READ);
    assertThat(
            ci.mailRecordsOf(label).stream().mapToInt(r -> r.path("OperationCount").asInt()).sum())
        .isGreaterThanOrEqualTo(2000);
    assertThat(Duration.between(label.start(), label.end()))
        .isLessThanOrEqualTo(Duration.ofHours(1));
  }

  @Test
  void theCrawlStaysUnderVolumeThresholdsUntilTheMailboxIsThrottled() {
    ScenarioLabel label = ci.label(ScenarioType.MASS_READ_THROTTLED);
    List<JsonNode> records = ci.mailRecordsOf(label);
    List<JsonNode> throttled =
        records.stream().filter(r -> operationProperty(r, "IsThrottled").equals("True")).toList();
    assertThat(throttled).hasSize(1);
    assertThat(throttled.get(0)).isSameAs(records.get(records.size() - 1));
    assertThat(Integer.parseInt(label.parameters().get("maxItemsInAnHour"))).isLessThan(500);
    assertThat(Long.parseLong(label.parameters().get("recordsIn24hAtThrottle")))
        .isGreaterThan(1000);
    String victim = label.accounts().get(0);
    Instant throttledAt = creationTime(throttled.get(0));
    assertThat(
            ci.mentioning(victim, RawTopic.UAL)
                .filter(r -> creationTime(r).isAfter(throttledAt))
                .filter(r -> operationProperty(r, "MailAccessType").equals("Bind")))
        .as("binds audited after the throttle")
        .isEmpty();
  }

  @Test
  void theTenantWithoutSignInLogsSendsNone() {
    ScenarioLabel label = ci.label(ScenarioType.TENANT_WITHOUT_SIGNIN_LOGS);
    assertThat(ci.records)
        .filteredOn(r -> r.record().tenantId().equals(label.tenantId()))
        .allSatisfy(r -> assertThat(r.record().topic()).isEqualTo(RawTopic.UAL))
        .hasSizeGreaterThan(1000);
  }

  @Test
  void theOutageLosesEverySignInOfItsHoursWhileMailboxRecordsFlow() {
    ScenarioLabel label = ci.label(ScenarioType.SIGNIN_FEED_OUTAGE);
    Instant from = Instant.parse(label.parameters().get("outageFrom"));
    Instant to = Instant.parse(label.parameters().get("outageTo"));
    var tenant =
        ci.records.stream().filter(r -> r.record().tenantId().equals(label.tenantId())).toList();
    assertThat(tenant)
        .filteredOn(r -> r.record().topic() == RawTopic.SIGN_IN)
        .noneMatch(r -> !r.eventTime().isBefore(from) && r.eventTime().isBefore(to))
        .isNotEmpty();
    assertThat(label.recordIds()).hasSizeGreaterThan(100);
  }

  @Test
  void theNightForgedTokenWasNeverIssuedAndReadsLittleWhileTheTenantSleeps() {
    ScenarioLabel label = ci.label(ScenarioType.FORGED_TOKEN_AT_NIGHT);
    ZoneId zone = ZoneId.of(label.parameters().get("zone"));
    String token = label.parameters().get("uniqueTokenId");
    String session = label.parameters().get("session");
    List<JsonNode> records = ci.recordsOf(label);
    assertThat(records.get(0).path("Operation").asText()).isEqualTo("OWAAuth");
    assertThat(ci.mailRecordsOf(label)).hasSize(records.size() - 1);
    for (JsonNode record : records) {
      assertThat(uti(record)).isEqualTo(token);
      assertThat(record.path("AppAccessContext").path("AADSessionId").asText()).isEqualTo(session);
      assertThat(record.path("ClientAppId").asText())
          .isEqualTo("9199bf20-a13f-4107-85dc-02114787ef48"); // One Outlook Web, first party
      String ip =
          record.has("ClientIPAddress")
              ? record.path("ClientIPAddress").asText()
              : record.path("ClientIP").asText();
      assertThat(ScenarioRecords.networkOf(ip).kind())
          .isEqualTo(io.stormwatch.sim.world.NetworkKind.HOSTING);
      LocalTime local = creationTime(record).atZone(zone).toLocalTime();
      assertThat(local).isBetween(LocalTime.of(2, 0), LocalTime.of(3, 15));
    }
    assertThat(ci.signInsByUti).doesNotContainKey(token);
    assertThat(ci.mentioning(session, RawTopic.SIGN_IN)).isEmpty();
    assertThat(
            ci.mailRecordsOf(label).stream().mapToInt(r -> r.path("OperationCount").asInt()).sum())
        .isLessThan(50);
    // The tenant's sign-in logs are quiet every night, and resume after the attack in the run.
    List<ScenarioRecord> signIns =
        ci.tenantRecords(label).stream()
            .filter(r -> r.record().topic() == RawTopic.SIGN_IN)
            .toList();
    assertThat(signIns)
        .hasSizeGreaterThan(500)
        .noneMatch(r -> r.eventTime().atZone(zone).getHour() < 5);
    assertThat(signIns).anyMatch(r -> r.eventTime().isAfter(label.end()));
  }

  @Test
  void theSilencedMailboxHasNoReadFromItsSilentDayOnWhileItsOwnerKeepsSigningIn() {
    ScenarioLabel label = ci.label(ScenarioType.MAILBOX_AUDIT_SILENCED);
    String owner = label.accounts().get(0);
    Instant silentFrom = Instant.parse(label.parameters().get("silentFrom"));
    List<Instant> ownReads =
        ci.mentioning(owner, RawTopic.UAL)
            .filter(r -> r.path("Operation").asText().equals("MailItemsAccessed"))
            .filter(r -> r.path("MailboxOwnerUPN").asText().equals(owner))
            .map(ScenarioRecords::creationTime)
            .toList();
    assertThat(ownReads).isNotEmpty().allSatisfy(t -> assertThat(t).isBefore(silentFrom));
    assertThat(
            ownReads.stream()
                .map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.DAYS))
                .distinct()
                .count())
        .isGreaterThanOrEqualTo(5);
    List<Instant> signIns =
        ci.mentioning(owner, RawTopic.SIGN_IN)
            .map(r -> Instant.parse(r.path("properties").path("createdDateTime").asText()))
            .filter(t -> !t.isBefore(silentFrom))
            .toList();
    assertThat(signIns.stream().filter(t -> t.isBefore(silentFrom.plus(Duration.ofDays(1)))))
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(ci.recordsOf(label))
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.path("properties").path("resourceId").asText())
                    .isEqualTo("00000002-0000-0ff1-ce00-000000000000"));
  }
}
