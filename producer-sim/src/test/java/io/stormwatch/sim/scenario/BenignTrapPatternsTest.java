package io.stormwatch.sim.scenario;

import static io.stormwatch.sim.scenario.ScenarioRecords.asnOf;
import static io.stormwatch.sim.scenario.ScenarioRecords.creationTime;
import static io.stormwatch.sim.scenario.ScenarioRecords.networkOf;
import static io.stormwatch.sim.scenario.ScenarioRecords.operationProperty;
import static io.stormwatch.sim.scenario.ScenarioRecords.uti;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stormwatch.sim.RawTopic;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every benign trap really contains the pattern that makes naive rules fire. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenignTrapPatternsTest {

  private static final Instant SCENARIO_DAY = Instant.parse("2026-03-03T00:00:00Z");

  private final ScenarioRecords ci = ScenarioRecords.ci(42);

  @Test
  void everyTokenATrapUsesWasIssuedByASignIn() {
    for (ScenarioLabel label : ci.run.labels()) {
      if (label.kind() != ScenarioKind.BENIGN_TRAP || label.tenantWide()) {
        continue;
      }
      for (JsonNode record : ci.mailRecordsOf(label)) {
        assertThat(ci.signInsByUti).as("%s: %s", label.id(), uti(record)).containsKey(uti(record));
      }
    }
  }

  @Test
  void theVpnSwitchUsesOneTokenFromHomeAndThenFromZscaler() {
    ScenarioLabel label = ci.label(ScenarioType.CORPORATE_VPN_SWITCH);
    Map<String, Set<Long>> asnsByToken = asnsByToken(ci.mailRecordsOf(label));
    assertThat(asnsByToken).hasSize(3);
    asnsByToken.values().forEach(asns -> assertThat(asns).hasSize(2).contains(62044L));
  }

  @Test
  void mostOfTheVpnTenantWorksThroughZscalerInItsHistory() {
    ScenarioLabel label = ci.label(ScenarioType.CORPORATE_VPN_SWITCH);
    Set<String> vpnUsers =
        ci.signInsByUti.values().stream()
            .filter(s -> s.path("tenantId").asText().equals(label.tenantId()))
            .filter(s -> s.path("properties").path("autonomousSystemNumber").asLong() == 62044)
            .filter(s -> Instant.parse(s.path("time").asText()).isBefore(SCENARIO_DAY))
            .map(s -> s.path("properties").path("userPrincipalName").asText())
            .collect(Collectors.toSet());
    assertThat(vpnUsers).hasSizeGreaterThanOrEqualTo(ci.run.usersPerTenant().get(1) / 2);
    assertThat(vpnUsers).containsAll(label.accounts());
  }

  @Test
  void thePhoneHopsAcrossItsCarrierThenJoinsAHomeWifiItHasUsedBefore() {
    ScenarioLabel label = ci.label(ScenarioType.MOBILE_CARRIER_CHURN);
    List<JsonNode> records = ci.mailRecordsOf(label);
    assertThat(records.stream().map(ScenarioRecords::uti).distinct()).hasSize(1);
    long carrier = Long.parseLong(label.parameters().get("carrierAsn"));
    long home = Long.parseLong(label.parameters().get("homeWifiAsn"));
    Set<String> carrierIps =
        records.stream()
            .map(r -> r.path("ClientIPAddress").asText())
            .filter(ip -> asnOf(ip) == carrier)
            .collect(Collectors.toSet());
    assertThat(carrierIps).hasSizeGreaterThanOrEqualTo(12);
    assertThat(records.get(records.size() - 1).path("ClientIPAddress").asText())
        .satisfies(ip -> assertThat(asnOf(ip)).isEqualTo(home));
    String upn = label.accounts().get(0);
    assertThat(historySignIns(upn))
        .anySatisfy(
            s ->
                assertThat(s.path("properties").path("autonomousSystemNumber").asLong())
                    .isEqualTo(home));
  }

  @Test
  void outlookMobileTrafficComesFromMicrosoftInAnotherCountryWithThePhonesToken() {
    ScenarioLabel label = ci.label(ScenarioType.OUTLOOK_MOBILE_MICROSOFT_EGRESS);
    List<JsonNode> records = ci.mailRecordsOf(label);
    assertThat(records.stream().map(ScenarioRecords::uti).distinct()).hasSize(1);
    Set<String> countries =
        records.stream()
            .map(r -> networkOf(r.path("ClientIPAddress").asText()).country())
            .collect(Collectors.toSet());
    assertThat(countries).containsExactlyInAnyOrder("NL", "GB");
    assertThat(asnsByToken(records).values().iterator().next()).contains(8075L).hasSize(2);
    assertThat(records)
        .allSatisfy(
            r ->
                assertThat(r.path("ClientAppId").asText())
                    .isEqualTo("27922004-5251-4030-b22d-91ecd9a37ea4"));
  }

  @Test
  void theServiceAppReadsAppOnlyWithTokensItsServicePrincipalSignInIssued() {
    ScenarioLabel label = ci.label(ScenarioType.SERVICE_APP_GRAPH);
    List<JsonNode> reads = ci.mailRecordsOf(label);
    assertThat(reads).isNotEmpty();
    for (JsonNode read : reads) {
      assertThat(read.path("AppAccessContext").has("AADSessionId")).isFalse();
      assertThat(read.has("SessionId")).isFalse();
      assertThat(read.path("UserType").asInt()).isEqualTo(5);
      assertThat(read.path("AppAccessContext").path("APIId").asText())
          .isEqualTo("00000003-0000-0000-c000-000000000000");
      JsonNode signIn = ci.signInsByUti.get(uti(read));
      assertThat(signIn.path("category").asText()).isEqualTo("ServicePrincipalSignInLogs");
      assertThat(signIn.path("properties").path("userId").isNull()).isTrue();
      assertThat(signIn.path("properties").path("servicePrincipalId").asText())
          .isEqualTo(read.path("TokenObjectId").asText());
    }
    Map<String, Set<String>> ipsByToken = new HashMap<>();
    Map<String, Set<String>> mailboxesByToken = new HashMap<>();
    reads.forEach(
        r -> {
          ipsByToken
              .computeIfAbsent(uti(r), t -> new HashSet<>())
              .add(r.path("ClientIPAddress").asText());
          mailboxesByToken
              .computeIfAbsent(uti(r), t -> new HashSet<>())
              .add(r.path("MailboxOwnerUPN").asText());
        });
    assertThat(ipsByToken.values()).anySatisfy(ips -> assertThat(ips).hasSizeGreaterThan(1));
    assertThat(mailboxesByToken.values()).anySatisfy(m -> assertThat(m).hasSize(3));
    String appId = label.parameters().get("clientAppId");
    assertThat(
            ci.mentioning(appId, RawTopic.UAL).filter(r -> creationTime(r).isBefore(SCENARIO_DAY)))
        .as("the integration's nightly history")
        .hasSizeGreaterThan(20);
  }

  @Test
  void delegatesReadTheSharedMailboxWithTheirOwnLogons() {
    ScenarioLabel label = ci.label(ScenarioType.SHARED_MAILBOX_DELEGATES);
    String shared = label.parameters().get("sharedMailbox");
    List<JsonNode> reads = ci.mailRecordsOf(label);
    assertThat(reads).isNotEmpty();
    assertThat(reads)
        .allSatisfy(
            r -> {
              assertThat(r.path("LogonType").asInt()).isEqualTo(2);
              assertThat(r.path("MailboxOwnerUPN").asText()).isEqualTo(shared);
              assertThat(r.path("UserId").asText()).isNotEqualTo(shared);
            });
    assertThat(reads.stream().map(r -> r.path("UserId").asText()).distinct()).hasSize(3);
    assertThat(
            ci.mentioning(shared, RawTopic.UAL).filter(r -> creationTime(r).isBefore(SCENARIO_DAY)))
        .as("delegate reads in the history")
        .isNotEmpty();
    assertThat(ci.mentioning(shared, RawTopic.SIGN_IN))
        .as("nobody signs in as a shared mailbox")
        .isEmpty();
  }

  @Test
  void theNewLaptopSyncsHundredsOfFoldersOneRecordEachAfterAFreshSignIn() {
    ScenarioLabel label = ci.label(ScenarioType.NEW_DEVICE_FULL_SYNC);
    List<JsonNode> syncs =
        ci.mailRecordsOf(label).stream()
            .filter(r -> operationProperty(r, "MailAccessType").equals("Sync"))
            .toList();
    assertThat(syncs).hasSizeGreaterThanOrEqualTo(300);
    assertThat(syncs).allSatisfy(r -> assertThat(r.path("Folders")).hasSize(1));
    JsonNode signIn = ci.signInsByUti.get(uti(syncs.get(0)));
    assertThat(signIn.path("category").asText()).isEqualTo("SignInLogs");
    assertThat(syncs.stream().map(r -> r.path("Folders").get(0).path("Path").asText()).distinct())
        .hasSameSizeAs(syncs);
  }

  @Test
  void theReturningUserLeftNoTraceForTwoWeeksButWorkedBefore() {
    ScenarioLabel label = ci.label(ScenarioType.RETURNING_FROM_LEAVE);
    String upn = label.accounts().get(0);
    Instant leave = LocalDate.of(2026, 2, 17).atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Instant> history =
        ci.mentioning(upn, RawTopic.UAL)
            .map(ScenarioRecords::creationTime)
            .filter(t -> t.isBefore(SCENARIO_DAY))
            .toList();
    assertThat(history).isNotEmpty().allSatisfy(t -> assertThat(t).isBefore(leave));
    long daysWorked =
        history.stream()
            .map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.DAYS))
            .distinct()
            .count();
    assertThat(daysWorked).isGreaterThanOrEqualTo(4);
    assertThat(Integer.parseInt(label.parameters().get("maxItemsInAnHour")))
        .isGreaterThan(3 * Integer.parseInt(label.parameters().get("usualItemsPerHour")));
  }

  @Test
  void theTravellerIsSeenInTwoCountriesAtOnceButNoTokenLeavesItsNetwork() {
    ScenarioLabel label = ci.label(ScenarioType.TRAVELLER_ABROAD);
    List<JsonNode> records = ci.mailRecordsOf(label);
    asnsByToken(records).values().forEach(asns -> assertThat(asns).hasSize(1));
    Set<String> countries =
        records.stream()
            .map(r -> networkOf(r.path("ClientIPAddress").asText()).country())
            .collect(Collectors.toSet());
    assertThat(countries).containsExactlyInAnyOrder("GB", "US");
    assertThat(ci.recordsOf(label))
        .anySatisfy(
            s -> {
              assertThat(s.path("category").asText()).isEqualTo("SignInLogs");
              assertThat(s.path("properties").path("location").path("city").asText())
                  .isEqualTo("New York");
            });
  }

  @Test
  void theLaggingTenantsSignInsArriveAnHourLateAndItsMailboxRecordsOnTime() {
    ScenarioLabel label = ci.label(ScenarioType.SIGNIN_FEED_LAG);
    assertThat(label.recordIds()).isNotEmpty();
    for (ScenarioRecord record : ci.records) {
      if (!record.record().tenantId().equals(label.tenantId())) {
        continue;
      }
      Duration lag = Duration.between(record.eventTime(), record.arrivalTime());
      assertThat(lag)
          .as(record.recordId())
          .isEqualTo(
              record.record().topic() == RawTopic.SIGN_IN ? Duration.ofHours(1) : Duration.ZERO);
    }
  }

  @Test
  void theNewOutlookIsAClientTheAccountNeverUsedBefore() {
    ScenarioLabel label = ci.label(ScenarioType.NEW_OUTLOOK_SWITCH);
    String upn = label.accounts().get(0);
    String newOutlook = "5d661950-3475-41cd-a2c3-d671a3162bc1";
    assertThat(ci.mailRecordsOf(label))
        .allSatisfy(r -> assertThat(r.path("ClientAppId").asText()).isEqualTo(newOutlook));
    assertThat(
            ci.mentioning(upn, RawTopic.UAL)
                .filter(r -> creationTime(r).isBefore(SCENARIO_DAY))
                .map(r -> r.path("ClientAppId").asText())
                .collect(Collectors.toSet()))
        .containsExactly("d3590ed6-52b3-4102-aeff-aad2292ab01c");
  }

  private List<JsonNode> historySignIns(String upn) {
    return ci.signInsByUti.values().stream()
        .filter(s -> s.path("properties").path("userPrincipalName").asText().equals(upn))
        .filter(s -> Instant.parse(s.path("time").asText()).isBefore(SCENARIO_DAY))
        .toList();
  }

  private static Map<String, Set<Long>> asnsByToken(List<JsonNode> records) {
    Map<String, Set<Long>> out = new HashMap<>();
    for (JsonNode r : records) {
      out.computeIfAbsent(uti(r), t -> new HashSet<>())
          .add(asnOf(r.path("ClientIPAddress").asText()));
    }
    return out;
  }

  @Test
  void theQuietNightHasNoSignInForHoursYetEveryTokenIsIssuedOrOfAKnownSession() {
    ScenarioLabel label = ci.label(ScenarioType.NIGHT_SILENCE_EARLY_LOGINS);
    ZoneId zone = ZoneId.of(label.parameters().get("zone"));
    Set<String> ids = new HashSet<>(label.recordIds());
    List<ScenarioRecord> night =
        ci.tenantRecords(label).stream().filter(r -> ids.contains(r.recordId())).toList();
    assertThat(night)
        .filteredOn(r -> r.record().topic() == RawTopic.SIGN_IN)
        .noneMatch(r -> r.eventTime().atZone(zone).getHour() < 5);
    List<JsonNode> nightUses =
        night.stream()
            .filter(r -> r.record().topic() == RawTopic.UAL)
            .filter(r -> r.eventTime().atZone(zone).getHour() < 5)
            .map(ScenarioRecords::parse)
            .toList();
    assertThat(nightUses).hasSizeGreaterThanOrEqualTo(4);
    for (JsonNode use : nightUses) {
      String session = use.path("AppAccessContext").path("AADSessionId").asText();
      assertThat(ci.signInsByUti).doesNotContainKey(uti(use)); // refreshed without a sign-in
      assertThat(ci.mentioning(session, RawTopic.SIGN_IN))
          .as("the session's sign-in")
          .anyMatch(
              s -> {
                Instant issued = Instant.parse(s.path("time").asText());
                return issued.isBefore(creationTime(use))
                    && issued.isAfter(creationTime(use).minus(Duration.ofHours(24)));
              });
    }
    assertThat(night)
        .filteredOn(r -> r.record().topic() == RawTopic.SIGN_IN)
        .filteredOn(r -> r.eventTime().atZone(zone).getHour() < 7)
        .extracting(r -> ScenarioRecords.parse(r).path("category").asText())
        .containsOnly("SignInLogs")
        .hasSize(2);
  }

  @Test
  void theMailFreeWorkdayHasSignInsAllDayNoReadAndReadsAgainTheNextWorkingDay() {
    ScenarioLabel label = ci.label(ScenarioType.MAIL_FREE_WORKDAY);
    String upn = label.accounts().get(0);
    Instant day =
        LocalDate.parse(label.parameters().get("mailFreeDay"))
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
    Instant nextDay = day.plus(Duration.ofDays(1));
    List<Instant> ownReads =
        ci.mentioning(upn, RawTopic.UAL)
            .filter(r -> r.path("Operation").asText().equals("MailItemsAccessed"))
            .filter(r -> r.path("MailboxOwnerUPN").asText().equals(upn))
            .map(ScenarioRecords::creationTime)
            .toList();
    assertThat(ownReads).noneMatch(t -> !t.isBefore(day) && t.isBefore(nextDay));
    assertThat(ownReads).anyMatch(t -> !t.isBefore(SCENARIO_DAY));
    assertThat(ownReads).anyMatch(t -> t.isBefore(day));
    List<Instant> signIns =
        ci.recordsOf(label).stream()
            .map(r -> Instant.parse(r.path("properties").path("createdDateTime").asText()))
            .toList();
    assertThat(signIns).allSatisfy(t -> assertThat(t).isBetween(day, nextDay));
    assertThat(
            signIns.stream()
                .map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.HOURS))
                .distinct()
                .count())
        .isGreaterThanOrEqualTo(4);
  }
}
