package io.stormwatch.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stormwatch.sim.RawTopic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The library as a whole: deterministic, complete, and its labels agree with its records. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioLibraryTest {

  private final ScenarioRecords ci = ScenarioRecords.ci(42);

  @Test
  void theSameSeedGivesTheSameBytesInTheSameOrder() {
    String first = digest(new ScenarioRun(ScenarioSettings.of(42, ScenarioSet.ci())));
    String second = digest(new ScenarioRun(ScenarioSettings.of(42, ScenarioSet.ci())));
    assertThat(second).isEqualTo(first);
    assertThat(digest(ci.run)).isEqualTo(first);
  }

  @Test
  void anotherSeedGivesOtherRecords() {
    assertThat(digest(new ScenarioRun(ScenarioSettings.of(43, ScenarioSet.ci()))))
        .isNotEqualTo(digest(ci.run));
  }

  @Test
  void theSameSeedGivesTheSameLabels() {
    assertThat(new ScenarioRun(ScenarioSettings.of(42, ScenarioSet.ci())).labels())
        .isEqualTo(ci.run.labels());
  }

  @Test
  void theCiSetPlaysEveryScenarioOnce() {
    assertThat(ci.run.labels())
        .extracting(ScenarioLabel::type)
        .containsExactly(ScenarioType.values());
    assertThat(ci.run.labels()).extracting(ScenarioLabel::id).doesNotHaveDuplicates();
  }

  @Test
  void everyLabelledRecordIsDeliveredAndInsideTheLabelsSpan() {
    for (ScenarioLabel label : ci.run.labels()) {
      assertThat(label.recordIds()).as(label.id()).isNotEmpty();
      for (String id : label.recordIds()) {
        ScenarioRecord record = ci.byId.get(id);
        assertThat(record).as("%s lists %s", label.id(), id).isNotNull();
        assertThat(record.record().tenantId()).as(id).isEqualTo(label.tenantId());
        assertThat(record.eventTime()).as(id).isBetween(label.start(), label.end());
      }
    }
  }

  @Test
  void recordIdsAreUniqueAcrossTheRun() {
    assertThat(ci.byId).hasSameSizeAs(ci.records);
  }

  @Test
  void attacksRequireRulesAndTrapsRequireNone() {
    for (ScenarioLabel label : ci.run.labels()) {
      if (label.kind() == ScenarioKind.ATTACK) {
        assertThat(label.requiredRules()).as(label.id()).isNotEmpty();
      } else {
        assertThat(label.requiredRules()).as(label.id()).isEmpty();
        assertThat(label.allowedRules()).as(label.id()).isEmpty();
      }
      assertThat(DetectionRules.ALL).containsAll(label.requiredRules());
      assertThat(DetectionRules.ALL).containsAll(label.allowedRules());
    }
  }

  @Test
  void accountScenariosNameTheAccountsTheirRecordsConcern() {
    for (ScenarioLabel label : ci.run.labels()) {
      if (label.tenantWide()) {
        assertThat(label.type().placement()).as(label.id()).isEqualTo(TenantPlacement.DEDICATED);
        continue;
      }
      for (JsonNode record : ci.recordsOf(label)) {
        String account =
            record.has("RecordType")
                ? record.path("UserId").asText()
                : record.path("properties").path("userPrincipalName").asText(null);
        if (account == null) { // a service principal's sign-in
          account =
              "serviceprincipal:" + record.path("properties").path("servicePrincipalId").asText();
        }
        assertThat(label.accounts()).as(label.id()).contains(account);
      }
    }
  }

  @Test
  void noActorPlaysInTwoScenarios() {
    Set<String> seen = new HashSet<>();
    for (ScenarioLabel label : ci.run.labels()) {
      for (String account : label.accounts()) {
        assertThat(seen.add(account)).as("%s is cast twice", account).isTrue();
      }
    }
  }

  @Test
  void historyReachesThreeWeeksBeforeTheScenarioDay() {
    Instant first = ci.records.get(0).eventTime();
    assertThat(first).isBefore(Instant.parse("2026-02-11T00:00:00Z"));
    assertThat(ci.records.get(ci.records.size() - 1).eventTime())
        .isBefore(Instant.parse("2026-03-04T00:00:00Z"));
  }

  @Test
  void theHistorysSignInLogsSpanWholeWorkingDays() {
    // Mail clients stay open and refresh their tokens through the working day: the sign-in logs
    // carry the tenant's rhythm, from which sign-in feed health learns its usual hours.
    String primary = ci.label(ScenarioType.FORGED_TOKEN_BULK_REST).tenantId();
    Map<String, List<Instant>> byUserDay = new HashMap<>();
    for (ScenarioRecord record : ci.records) {
      if (record.record().topic() != RawTopic.SIGN_IN
          || !record.record().tenantId().equals(primary)
          || !record.eventTime().isBefore(Instant.parse("2026-03-03T00:00:00Z"))) {
        continue;
      }
      String upn =
          ScenarioRecords.parse(record).path("properties").path("userPrincipalName").asText();
      String day = record.eventTime().atZone(ZoneOffset.UTC).toLocalDate().toString();
      byUserDay.computeIfAbsent(upn + " " + day, k -> new ArrayList<>()).add(record.eventTime());
    }
    long wholeDays =
        byUserDay.values().stream()
            .filter(times -> times.size() > 1)
            .filter(
                times ->
                    Duration.between(Collections.min(times), Collections.max(times))
                            .compareTo(Duration.ofHours(6))
                        >= 0)
            .count();
    assertThat(wholeDays).isGreaterThan(byUserDay.size() / 2);
  }

  @Test
  void recordsComeInArrivalOrderAndNeverBeforeTheyHappen() {
    Instant previous = Instant.MIN;
    for (ScenarioRecord record : ci.records) {
      assertThat(record.arrivalTime()).isAfterOrEqualTo(previous);
      assertThat(record.arrivalTime()).isAfterOrEqualTo(record.eventTime());
      previous = record.arrivalTime();
    }
  }

  @Test
  void theCountsReportedAreTheRecordsDelivered() {
    assertThat(ci.run.recordCount()).isEqualTo(ci.records.size());
    long signIns = ci.records.stream().filter(r -> r.record().topic() == RawTopic.SIGN_IN).count();
    assertThat(ci.run.recordsByTopic()).containsEntry(RawTopic.SIGN_IN, signIns);
  }

  @Test
  void theStandardSetPlaysEveryScenarioTwiceWithMoreBackground() {
    ScenarioRun standard = new ScenarioRun(ScenarioSettings.of(7, ScenarioSet.standard()));
    assertThat(standard.labels()).hasSize(2 * ScenarioType.values().length);
    assertThat(standard.users()).isGreaterThan(ci.run.users());
    List<String> ids = standard.labels().stream().map(ScenarioLabel::id).toList();
    assertThat(ids).contains("token-replay-vps-fabrikam-2", "corporate-vpn-switch-fabrikam-2");
  }

  private static String digest(ScenarioRun run) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      run.run(
          r -> {
            sha.update(r.record().json());
            sha.update(r.arrivalTime().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(r.record().eventTime().toString().getBytes(StandardCharsets.UTF_8));
          });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
