package io.stormwatch.sim;

import static io.stormwatch.sim.SimulatedRun.TUESDAY_MORNING_UTC;
import static io.stormwatch.sim.SimulatedRun.accessType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stormwatch.sim.scenario.ScenarioKind;
import io.stormwatch.sim.scenario.ScenarioLabel;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.truth.GroundTruthWriter;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.NetworkCatalogue;
import io.stormwatch.sim.world.NetworkKind;
import io.stormwatch.sim.world.ReadingBand;
import io.stormwatch.sim.world.User;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Properties of a default simulation run (5 tenants x 30 users, 8 hours, every attack type). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantSimulatorTest {

  private static final NetworkCatalogue CATALOGUE = NetworkCatalogue.standard();

  private SimulatedRun run;

  @BeforeAll
  void simulateDefaultRun() {
    run = SimulatedRun.defaults();
  }

  // --- determinism -------------------------------------------------------------------------

  @Test
  void theSameSeedYieldsByteIdenticalRecordsAndGroundTruth() {
    SimulatedRun again = SimulatedRun.unparsed(SimulationSettings.defaults(TUESDAY_MORNING_UTC));

    assertThat(again.records).isEqualTo(run.records);
    GroundTruthWriter writer = new GroundTruthWriter();
    assertThat(writer.toJson(again.truth())).isEqualTo(writer.toJson(run.truth()));
  }

  @Test
  void iteratingTwiceYieldsTheSameRecords() {
    List<SimulatedRecord> second = new ArrayList<>();
    run.simulator.records().forEachRemaining(second::add);

    assertThat(second).isEqualTo(run.records);
  }

  @Test
  void aDifferentSeedYieldsADifferentWorldAndDifferentRecords() {
    SimulatedRun other =
        SimulatedRun.unparsed(SimulationSettings.builder(TUESDAY_MORNING_UTC).seed(7).build());

    assertThat(other.simulator.world().tenants().get(0).tenant().tenantId())
        .isNotEqualTo(run.simulator.world().tenants().get(0).tenant().tenantId());
    assertThat(other.records.get(0)).isNotEqualTo(run.records.get(0));
    assertThat(other.truth().attacks().get(0).recordIds())
        .doesNotContainAnyElementsOf(run.truth().attacks().get(0).recordIds());
  }

  @Test
  void sliceLengthDoesNotChangeTheOutput() {
    SimulatedRun oneMinuteSlices =
        SimulatedRun.unparsed(
            SimulationSettings.builder(TUESDAY_MORNING_UTC)
                .sliceLength(Duration.ofMinutes(1))
                .build());

    assertThat(oneMinuteSlices.records).isEqualTo(run.records);
  }

  @Test
  void addingATenantLeavesTheExistingTenantsRecordsUnchanged() {
    SimulatedRun sixTenants =
        SimulatedRun.unparsed(SimulationSettings.builder(TUESDAY_MORNING_UTC).tenants(6).build());
    Set<String> original =
        run.simulator.world().tenants().stream()
            .map(t -> t.tenant().tenantId())
            .collect(Collectors.toSet());

    List<SimulatedRecord> sameTenants =
        sixTenants.records.stream().filter(r -> original.contains(r.tenantId())).toList();

    assertThat(sameTenants).isEqualTo(run.records);
  }

  // --- shape of the output -----------------------------------------------------------------

  @Test
  void recordsComeInNonDecreasingEventTimeAndInsideThePeriod() {
    Instant previous = TUESDAY_MORNING_UTC;
    for (SimulatedRecord record : run.records) {
      assertThat(record.eventTime()).isAfterOrEqualTo(previous);
      previous = record.eventTime();
    }
    assertThat(previous).isBefore(run.simulator.settings().end());
  }

  @Test
  void theDefaultRunHasBothKindsOfRecords() {
    assertThat(run.stats.ualRecords()).isGreaterThan(5_000);
    assertThat(run.stats.signInRecords()).isGreaterThan(300);
    assertThat(run.stats.records()).isEqualTo(run.records.size());
  }

  @Test
  void everyUalRecordIsAMailItemsAccessedRecordWithTheRequiredFields() {
    for (JsonNode record : run.mailRecords) {
      assertThat(record.fieldNames())
          .toIterable()
          .startsWith("AppAccessContext", "CreationTime", "Id", "Operation", "OrganizationId")
          .contains("UserId", "ClientIPAddress", "ClientAppId", "MailboxOwnerUPN", "Folders");
      assertThat(record.path("Operation").asText()).isEqualTo("MailItemsAccessed");
      assertThat(record.path("RecordType").asInt()).isEqualTo(50);
      assertThat(record.path("Workload").asText()).isEqualTo("Exchange");
      assertThat(record.path("CreationTime").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
      assertThat(record.path("Id").asText()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
      assertThat(record.path("AppAccessContext").path("UniqueTokenId").asText())
          .matches("[A-Za-z0-9_-]{22}");
      assertThat(record.path("OperationCount").asInt()).isPositive();
      assertThat(accessType(record)).isIn("Bind", "Sync");
    }
  }

  @Test
  void ualEventTimeIsTheCreationTimeAndTheKeyIsTheOrganization() {
    for (int i = 0; i < run.records.size(); i++) {
      SimulatedRecord record = run.records.get(i);
      if (record.topic() != RawTopic.UAL) {
        continue;
      }
      JsonNode json = SimulatedRun.parse(record);
      assertThat(record.tenantId()).isEqualTo(json.path("OrganizationId").asText());
      assertThat(LocalDateTime.parse(json.path("CreationTime").asText()).toInstant(ZoneOffset.UTC))
          .isEqualTo(record.eventTime());
    }
  }

  @Test
  void everySignInIsADiagnosticSettingsRecordWithTheRequiredFields() {
    for (JsonNode record : run.signIns) {
      JsonNode properties = record.path("properties");
      assertThat(record.path("category").asText())
          .isIn("SignInLogs", "NonInteractiveUserSignInLogs");
      assertThat(record.path("time").asText()).matches(".*T.*\\.\\d{7}Z");
      assertThat(record.path("resourceId").asText())
          .isEqualTo(
              "/tenants/" + record.path("tenantId").asText() + "/providers/Microsoft.aadiam");
      assertThat(properties.path("id").asText()).isNotEmpty();
      assertThat(properties.path("createdDateTime").asText()).endsWith("+00:00");
      assertThat(properties.path("userPrincipalName").asText()).contains("@");
      assertThat(properties.path("uniqueTokenIdentifier").asText()).matches("[A-Za-z0-9_-]{22}");
      assertThat(properties.path("sessionId").asText()).isNotEmpty();
      assertThat(properties.path("status").path("errorCode").asInt()).isZero();
      assertThat(properties.path("isInteractive").asBoolean())
          .isEqualTo(record.path("category").asText().equals("SignInLogs"));
      assertThat(properties.path("incomingTokenType").asText())
          .isEqualTo(properties.path("isInteractive").asBoolean() ? "none" : "refreshToken");
    }
  }

  @Test
  void everyAddressBelongsToTheNetworkTheRecordClaims() {
    for (JsonNode signIn : run.signIns) {
      String ip = signIn.path("properties").path("ipAddress").asText();
      Network network = CATALOGUE.owning(ip).orElseThrow();
      assertThat(signIn.path("callerIpAddress").asText()).isEqualTo(ip);
      assertThat(signIn.path("properties").path("autonomousSystemNumber").asLong())
          .isEqualTo(network.asn());
      assertThat(signIn.path("properties").path("location").path("countryOrRegion").asText())
          .isEqualTo(network.country())
          .isEqualTo(signIn.path("location").asText());
    }
    for (JsonNode mail : run.mailRecords) {
      assertThat(CATALOGUE.owning(mail.path("ClientIPAddress").asText())).isPresent();
    }
  }

  // --- benign behaviour --------------------------------------------------------------------

  @Test
  void everyBenignTokenWasIssuedBySignInBeforeItsFirstUse() {
    Map<String, Instant> issued = new HashMap<>();
    Map<String, String> sessionOfToken = new HashMap<>();
    for (JsonNode signIn : run.signIns) {
      issued.put(
          signIn.path("properties").path("uniqueTokenIdentifier").asText(),
          Instant.parse(signIn.path("time").asText()));
      sessionOfToken.put(
          signIn.path("properties").path("uniqueTokenIdentifier").asText(),
          signIn.path("properties").path("sessionId").asText());
    }
    for (JsonNode mail : run.benignMailRecords()) {
      JsonNode context = mail.path("AppAccessContext");
      String uti = context.path("UniqueTokenId").asText();
      Instant used =
          LocalDateTime.parse(mail.path("CreationTime").asText()).toInstant(ZoneOffset.UTC);
      assertThat(issued).containsKey(uti);
      assertThat(issued.get(uti).truncatedTo(ChronoUnit.SECONDS)).isBeforeOrEqualTo(used);
      assertThat(context.path("AADSessionId").asText()).isEqualTo(sessionOfToken.get(uti));
      assertThat(mail.path("SessionId").asText()).isEqualTo(sessionOfToken.get(uti));
    }
  }

  @Test
  void noBenignTokenIsUsedFromTwoNetworks() {
    Map<String, Set<Long>> asnsByToken = new HashMap<>();
    for (JsonNode mail : run.benignMailRecords()) {
      long asn = CATALOGUE.owning(mail.path("ClientIPAddress").asText()).orElseThrow().asn();
      asnsByToken
          .computeIfAbsent(
              mail.path("AppAccessContext").path("UniqueTokenId").asText(), k -> new HashSet<>())
          .add(asn);
    }
    assertThat(asnsByToken).isNotEmpty();
    assertThat(asnsByToken.values()).allSatisfy(asns -> assertThat(asns).hasSize(1));
  }

  @Test
  void mobileUsersHopIpsInsideTheirCarriersAsn() {
    Map<String, User> users = run.usersByUpn();
    Map<String, Set<String>> ipsByMobileToken = new HashMap<>();
    for (JsonNode mail : run.benignMailRecords()) {
      User user = users.get(mail.path("UserId").asText());
      if (user.client() != ClientProfile.OUTLOOK_MOBILE) {
        continue;
      }
      String ip = mail.path("ClientIPAddress").asText();
      assertThat(user.carrier().contains(ip)).as("%s inside %s", ip, user.carrier()).isTrue();
      assertThat(user.carrier().kind()).isEqualTo(NetworkKind.MOBILE);
      ipsByMobileToken
          .computeIfAbsent(
              mail.path("AppAccessContext").path("UniqueTokenId").asText(), k -> new HashSet<>())
          .add(ip);
    }
    assertThat(ipsByMobileToken.values().stream().mapToInt(Set::size).max().orElse(0))
        .as("a mobile token seen from several addresses")
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void desktopAndBrowserUsersReadFromOneHomeAddressPerDay() {
    Map<String, User> users = run.usersByUpn();
    Map<String, Set<String>> ipsBySession = new HashMap<>();
    for (JsonNode mail : run.benignMailRecords()) {
      User user = users.get(mail.path("UserId").asText());
      if (user.client().isMobile()) {
        continue;
      }
      String ip = mail.path("ClientIPAddress").asText();
      assertThat(user.homeIsp().contains(ip)).isTrue();
      ipsBySession.computeIfAbsent(mail.path("SessionId").asText(), k -> new HashSet<>()).add(ip);
    }
    assertThat(ipsBySession.values()).allSatisfy(ips -> assertThat(ips).hasSize(1));
  }

  @Test
  void heavyReadersStayInsideTheirHourlyBandAndBelow500ItemsAnHour() {
    Map<String, User> users = run.usersByUpn();
    Map<String, Map<Instant, Integer>> itemsByUserHour = new HashMap<>();
    for (JsonNode mail : run.benignMailRecords()) {
      if (!accessType(mail).equals("Bind")) {
        continue;
      }
      Instant hour =
          LocalDateTime.parse(mail.path("CreationTime").asText())
              .toInstant(ZoneOffset.UTC)
              .truncatedTo(ChronoUnit.HOURS);
      itemsByUserHour
          .computeIfAbsent(mail.path("UserId").asText(), k -> new TreeMap<>())
          .merge(hour, mail.path("OperationCount").asInt(), Integer::sum);
    }
    List<User> heavyReaders =
        users.values().stream().filter(u -> u.readingBand() == ReadingBand.HEAVY).toList();
    assertThat(heavyReaders).hasSize(run.simulator.settings().tenants() * 3);

    int fullHoursChecked = 0;
    for (User reader : heavyReaders) {
      for (Map.Entry<Instant, Integer> hour :
          itemsByUserHour.getOrDefault(reader.upn(), Map.of()).entrySet()) {
        assertThat(hour.getValue()).isLessThanOrEqualTo(ReadingBand.HEAVY.maxItemsPerHour());
        if (activeAllHour(reader, hour.getKey())) {
          assertThat(hour.getValue()).isGreaterThanOrEqualTo(ReadingBand.HEAVY.minItemsPerHour());
          fullHoursChecked++;
        }
      }
    }
    assertThat(fullHoursChecked).isPositive();
    assertThat(itemsByUserHour.values())
        .allSatisfy(
            hours -> assertThat(hours.values()).allSatisfy(n -> assertThat(n).isLessThan(500)));
  }

  private boolean activeAllHour(User user, Instant hour) {
    return run.simulator.plans().stream()
        .filter(p -> p.user().equals(user))
        .flatMap(p -> p.periods().stream())
        .anyMatch(
            p ->
                p.start().isBefore(hour.minusSeconds(60))
                    && !p.end().isBefore(hour.plus(Duration.ofHours(1))));
  }

  @Test
  void outlookDesktopUsersSyncFoldersAtTheStartOfTheirDay() {
    Map<String, User> users = run.usersByUpn();
    List<JsonNode> syncs =
        run.benignMailRecords().stream().filter(r -> accessType(r).equals("Sync")).toList();

    assertThat(syncs).isNotEmpty();
    assertThat(syncs)
        .allSatisfy(
            sync -> {
              assertThat(users.get(sync.path("UserId").asText()).client())
                  .isEqualTo(ClientProfile.OUTLOOK_DESKTOP);
              assertThat(sync.path("Folders"))
                  .allSatisfy(f -> assertThat(f.has("FolderItems")).isFalse());
              assertThat(sync.path("OperationCount").asInt())
                  .isEqualTo(sync.path("Folders").size());
            });
  }

  @Test
  void benignClientsAreFirstPartyApps() {
    assertThat(run.benignMailRecords())
        .extracting(r -> r.path("ClientAppId").asText())
        .containsOnly(
            "d3590ed6-52b3-4102-aeff-aad2292ab01c",
            "27922004-5251-4030-b22d-91ecd9a37ea4",
            "9199bf20-a13f-4107-85dc-02114787ef48");
  }

  // --- attacks -----------------------------------------------------------------------------

  @Test
  void eachTenantGetsOneAttackOfEachTypeByDefault() {
    assertThat(run.truth().unplaced()).isEmpty();
    assertThat(run.truth().attacks()).hasSize(5 * 3);
    assertThat(run.truth().attacks())
        .extracting(ScenarioLabel::id)
        .contains(
            "token-replay-vps-contoso-1",
            "forged-token-bulk-rest-fabrikam-1",
            "mass-mail-read-tailspin-1");
    assertThat(run.truth().attacks()).extracting(ScenarioLabel::accounts).doesNotHaveDuplicates();
  }

  @Test
  void everyAttackHasRecordsAndAllOfThemAreInTheOutput() {
    Set<String> outputIds =
        run.mailRecords.stream().map(r -> r.path("Id").asText()).collect(Collectors.toSet());
    for (ScenarioLabel attack : run.truth().attacks()) {
      assertThat(attack.kind()).isEqualTo(ScenarioKind.ATTACK);
      assertThat(attack.recordIds()).isNotEmpty();
      assertThat(outputIds).containsAll(attack.recordIds());
      List<JsonNode> records = run.mailRecordsOf(attack);
      assertThat(records)
          .allSatisfy(r -> assertThat(r.path("UserId").asText()).isEqualTo(victimOf(attack)));
      assertThat(records.stream().mapToLong(r -> r.path("OperationCount").asLong()).sum())
          .isEqualTo(items(attack));
    }
  }

  @Test
  void attacksFallInsideTheSimulatedPeriodAfterTheWarmUp() {
    Instant earliest = TUESDAY_MORNING_UTC.plus(SimulationSettings.DEFAULT_ATTACK_WARM_UP);
    for (ScenarioLabel attack : run.truth().attacks()) {
      assertThat(attack.start()).isAfterOrEqualTo(earliest);
      assertThat(attack.end())
          .isAfterOrEqualTo(attack.start())
          .isBefore(run.simulator.settings().end());
    }
  }

  @Test
  void victimsAreActiveWhenTheirAttackStarts() {
    for (ScenarioLabel attack : run.truth().attacks()) {
      boolean active =
          run.simulator.plans().stream()
              .filter(p -> p.user().upn().equals(victimOf(attack)))
              .flatMap(p -> p.periods().stream())
              .anyMatch(p -> p.covers(attack.start()));
      assertThat(active).as(attack.id()).isTrue();
    }
  }

  @Test
  void replayedTokensWereIssuedToTheVictimAndAreUsedFromAHostingNetworkAbroad() {
    for (ScenarioLabel attack : attacksOf(ScenarioType.TOKEN_REPLAY_VPS)) {
      JsonNode first = run.mailRecordsOf(attack).get(0);
      String uti = first.path("AppAccessContext").path("UniqueTokenId").asText();
      List<JsonNode> issuing =
          run.signIns.stream()
              .filter(s -> s.path("properties").path("uniqueTokenIdentifier").asText().equals(uti))
              .toList();
      assertThat(issuing).hasSize(1);
      assertThat(issuing.get(0).path("properties").path("userPrincipalName").asText())
          .isEqualTo(victimOf(attack));
      assertThat(first.path("SessionId").asText())
          .isEqualTo(issuing.get(0).path("properties").path("sessionId").asText());

      Network attacker = CATALOGUE.owning(first.path("ClientIPAddress").asText()).orElseThrow();
      User victim = run.usersByUpn().get(victimOf(attack));
      assertThat(attacker.kind()).isEqualTo(NetworkKind.HOSTING);
      assertThat(attacker.country()).isNotEqualTo(victim.usualNetwork().country());
      assertThat(run.benignMailRecords())
          .as("the victim keeps using the token from home")
          .anySatisfy(
              r -> {
                assertThat(r.path("AppAccessContext").path("UniqueTokenId").asText())
                    .isEqualTo(uti);
                assertThat(victim.homeIsp().contains(r.path("ClientIPAddress").asText())).isTrue();
              });
      assertThat(attack.recordIds()).hasSizeBetween(3, 10);
      assertThat(items(attack)).isLessThan(150);
    }
  }

  @Test
  void forgedTokensNeverAppearInAnySignInAndComeFromAnAppTheTenantNeverUses() {
    Set<String> issuedTokens =
        run.signIns.stream()
            .map(s -> s.path("properties").path("uniqueTokenIdentifier").asText())
            .collect(Collectors.toSet());
    Set<String> issuedSessions =
        run.signIns.stream()
            .map(s -> s.path("properties").path("sessionId").asText())
            .collect(Collectors.toSet());
    Set<String> benignApps =
        run.benignMailRecords().stream()
            .map(r -> r.path("ClientAppId").asText())
            .collect(Collectors.toSet());
    for (ScenarioLabel attack : attacksOf(ScenarioType.FORGED_TOKEN_BULK_REST)) {
      List<JsonNode> records = run.mailRecordsOf(attack);
      JsonNode first = records.get(0);
      assertThat(issuedTokens)
          .doesNotContain(first.path("AppAccessContext").path("UniqueTokenId").asText());
      if (first.has("SessionId")) {
        assertThat(issuedSessions).doesNotContain(first.path("SessionId").asText());
      }
      assertThat(benignApps).doesNotContain(first.path("ClientAppId").asText());
      assertThat(items(attack)).isBetween(1_000L, 3_000L);
      assertThat(Duration.between(attack.start(), attack.end()))
          .isLessThanOrEqualTo(Duration.ofMinutes(60));
      assertThat(first.path("OperationCount").asInt()).isLessThanOrEqualTo(5);
      assertThat(records)
          .allSatisfy(
              r -> assertThat(r.path("ClientInfoString").asText()).startsWith("Client=REST"));
    }
  }

  @Test
  void massMailReadUsesTheVictimsOwnSessionAndNetworkAtAVolumeNoBenignHourReaches() {
    for (ScenarioLabel attack : attacksOf(ScenarioType.MASS_MAIL_READ)) {
      User victim = run.usersByUpn().get(victimOf(attack));
      assertThat(items(attack)).isBetween(2_000L, 5_000L);
      assertThat(Duration.between(attack.start(), attack.end()))
          .isLessThanOrEqualTo(Duration.ofMinutes(60));
      List<JsonNode> records = run.mailRecordsOf(attack);
      assertThat(records)
          .allSatisfy(
              r -> {
                assertThat(victim.usualNetwork().contains(r.path("ClientIPAddress").asText()))
                    .isTrue();
                assertThat(r.path("ClientAppId").asText()).isEqualTo(victim.client().app().appId());
              });
      Set<String> victimSessions =
          run.signIns.stream()
              .filter(
                  s -> s.path("properties").path("userPrincipalName").asText().equals(victim.upn()))
              .map(s -> s.path("properties").path("sessionId").asText())
              .collect(Collectors.toSet());
      assertThat(victimSessions).contains(records.get(0).path("SessionId").asText());
    }
  }

  private List<ScenarioLabel> attacksOf(ScenarioType type) {
    List<ScenarioLabel> attacks =
        run.truth().attacks().stream().filter(a -> a.type() == type).toList();
    assertThat(attacks).isNotEmpty();
    return attacks;
  }

  private static String victimOf(ScenarioLabel attack) {
    assertThat(attack.accounts()).hasSize(1);
    return attack.accounts().get(0);
  }

  private static long items(ScenarioLabel attack) {
    return Long.parseLong(attack.parameters().get("items"));
  }
}
