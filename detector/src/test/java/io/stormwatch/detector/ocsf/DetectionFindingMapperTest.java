package io.stormwatch.detector.ocsf;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.stormwatch.detector.alert.Alerts;
import io.stormwatch.detector.alert.AttackTechniques;
import io.stormwatch.detector.catalogue.RuleCatalogue;
import io.stormwatch.detector.ocsf.DetectionFinding.Attack;
import io.stormwatch.detector.ocsf.DetectionFinding.Observable;
import io.stormwatch.detector.rules.RuleDescriptor;
import io.stormwatch.detector.rules.coverage.SignInCoverageGap;
import io.stormwatch.detector.rules.mailburst.MailBurst;
import io.stormwatch.detector.rules.tokenreplay.TokenReplay;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectionFindingMapperTest {

  private static final Instant FIRST = Instant.parse("2026-03-02T09:01:00Z");
  private static final Instant LAST = Instant.parse("2026-03-02T09:10:00Z");

  private final DetectionFindingMapper mapper =
      new DetectionFindingMapper(RuleCatalogue.descriptors(), Optional.of("1.2.3"));

  @Test
  void createsTheFindingOnTheFirstRevision() {
    DetectionFinding finding = mapper.map(tokenReplay(1));

    assertThat(finding.activityId()).isEqualTo(1);
    assertThat(finding.activityName()).isEqualTo("Create");
    assertThat(finding.typeUid()).isEqualTo(200401L);
    assertThat(finding.typeName()).isEqualTo("Detection Finding: Create");
    assertThat(finding.classUid()).isEqualTo(2004);
    assertThat(finding.categoryUid()).isEqualTo(2);
    assertThat(finding.findingInfo().uid()).isEqualTo("a1b2c3d4e5f60718293a4b5c6d7e8f90");
    assertThat(finding.metadata().uid()).isEqualTo("a1b2c3d4e5f60718293a4b5c6d7e8f90-1");
    assertThat(finding.unmapped()).containsEntry("revision", 1);
  }

  @Test
  void updatesTheSameFindingOnLaterRevisions() {
    DetectionFinding first = mapper.map(tokenReplay(1));
    DetectionFinding third = mapper.map(tokenReplay(3));

    assertThat(third.activityId()).isEqualTo(2);
    assertThat(third.activityName()).isEqualTo("Update");
    assertThat(third.typeUid()).isEqualTo(200402L);
    assertThat(third.findingInfo().uid()).isEqualTo(first.findingInfo().uid());
    assertThat(third.metadata().uid()).isNotEqualTo(first.metadata().uid());
    assertThat(third.unmapped()).containsEntry("revision", 3);
  }

  @Test
  void carriesTheAlertsIncidentUnmappedWhenItHasOne() {
    Alert linked = tokenReplay(1);
    linked.setIncidentId("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    assertThat(mapper.map(linked).unmapped())
        .containsEntry("incident_uid", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    assertThat(mapper.map(tokenReplay(1)).unmapped()).doesNotContainKey("incident_uid");
  }

  @Test
  void carriesOtherPeoplesMailboxesUnmappedWhenTheAlertNamesAny() {
    Alert delegateRead = tokenReplay(1);
    delegateRead.getEvidence().setMailboxes(List.of("ceo@contoso.com", "cfo@contoso.com"));

    assertThat(mapper.map(delegateRead).unmapped())
        .containsEntry("mailboxes", List.of("ceo@contoso.com", "cfo@contoso.com"));
    assertThat(mapper.map(tokenReplay(1)).unmapped()).doesNotContainKey("mailboxes");
  }

  @ParameterizedTest
  @CsvSource({"LOW, 2, Low", "MEDIUM, 3, Medium", "HIGH, 4, High", "CRITICAL, 5, Critical"})
  void mapsSeverityToOcsfSeverityId(Severity severity, int id, String caption) {
    Alert alert = tokenReplay(1);
    alert.setSeverity(severity);

    DetectionFinding finding = mapper.map(alert);

    assertThat(finding.severityId()).isEqualTo(id);
    assertThat(finding.severity()).isEqualTo(caption);
  }

  @ParameterizedTest
  @CsvSource({"0.95, 95, 3, High", "0.8, 80, 3, High", "0.6, 60, 2, Medium", "0.3, 30, 1, Low"})
  void reportsConfidenceAsAScoreAndALevel(double confidence, int score, int id, String caption) {
    Alert alert = tokenReplay(1);
    alert.setConfidence(confidence);

    DetectionFinding finding = mapper.map(alert);

    assertThat(finding.confidenceScore()).isEqualTo(score);
    assertThat(finding.confidenceId()).isEqualTo(id);
    assertThat(finding.confidence()).isEqualTo(caption);
  }

  @Test
  void namesTheRuleAsTheAnalyticAndTitlesTheFindingAfterIt() {
    DetectionFinding finding = mapper.map(tokenReplay(1));

    assertThat(finding.findingInfo().title()).isEqualTo(TokenReplay.DESCRIPTOR.title());
    assertThat(finding.findingInfo().desc()).isEqualTo("Token used from two networks");
    assertThat(finding.findingInfo().analytic())
        .isEqualTo(new DetectionFinding.Analytic("token-replay", "token-replay", 1, "Rule", "2"));
    assertThat(finding.metadata().product())
        .isEqualTo(new DetectionFinding.Product("Stormwatch", "Stormwatch", "1.2.3"));
  }

  @Test
  void spansTheContributingEventsInTime() {
    DetectionFinding finding = mapper.map(tokenReplay(1));

    assertThat(finding.startTime()).isEqualTo(FIRST.toEpochMilli());
    assertThat(finding.endTime()).isEqualTo(LAST.toEpochMilli());
    assertThat(finding.time()).isEqualTo(LAST.toEpochMilli());
    assertThat(finding.findingInfo().firstSeenTime()).isEqualTo(FIRST.toEpochMilli());
    assertThat(finding.findingInfo().lastSeenTime()).isEqualTo(LAST.toEpochMilli());
  }

  @Test
  void givesEveryTechniqueWithEachOfItsTactics() {
    List<Attack> attacks = mapper.map(tokenReplay(1)).findingInfo().attacks();

    assertThat(attacks)
        .extracting(
            a -> a.technique().uid(),
            a -> a.subTechnique() == null ? null : a.subTechnique().uid(),
            a -> a.tactic().uid())
        .containsExactly(
            tuple("T1550", "T1550.001", "TA0005"),
            tuple("T1550", "T1550.001", "TA0008"),
            tuple("T1528", null, "TA0006"));
    assertThat(attacks.get(0).technique().name())
        .isEqualTo("Use Alternate Authentication Material");
    assertThat(attacks.get(0).subTechnique().name()).isEqualTo("Application Access Token");
    assertThat(attacks.get(2).tactic().name()).isEqualTo("Credential Access");
    assertThat(attacks).allSatisfy(a -> assertThat(a.version()).isEqualTo("v17"));
  }

  @Test
  void knowsEveryTechniqueAnyRuleReports() {
    for (RuleDescriptor rule : RuleCatalogue.descriptors()) {
      assertThat(rule.attackTechniques())
          .as(rule.id())
          .allSatisfy(id -> assertThat(AttackTechniques.byId(id)).as(id).isPresent());
    }
  }

  @Test
  void makesIpsNetworksAccountAndAppsObservable() {
    DetectionFinding finding = mapper.map(tokenReplay(1));

    assertThat(finding.observables())
        .extracting(Observable::name, Observable::typeId, Observable::value)
        .containsExactly(
            tuple("evidences[].src_endpoint.ip", 2, "188.166.1.20"),
            tuple("evidences[].src_endpoint.ip", 2, "73.22.10.5"),
            tuple("evidences[].src_endpoint.autonomous_system.number", 99, "7922"),
            tuple("evidences[].src_endpoint.autonomous_system.number", 99, "14061"),
            tuple("evidences[].actor.user.name", 4, ALICE),
            tuple("evidences[].actor.app_uid", 99, "00000002-0000-0ff1-ce00-000000000000"));
    assertThat(finding.evidences())
        .extracting(e -> e.srcEndpoint() == null ? null : e.srcEndpoint().ip())
        .contains("188.166.1.20", "73.22.10.5");
    assertThat(finding.evidences())
        .filteredOn(e -> e.actor() != null && e.actor().session() != null)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor().session().uid()).isEqualTo("session-1");
              assertThat(e.actor().user().name()).isEqualTo(ALICE);
            });
  }

  @Test
  void keepsWhatOcsfHasNoPlaceForUnderUnmapped() {
    DetectionFinding finding = mapper.map(tokenReplay(1));

    assertThat(finding.unmapped())
        .containsEntry("countries", List.of("NL", "US"))
        .containsEntry("as_organisations", List.of("Comcast", "DigitalOcean"))
        .containsEntry("token_ids", List.of("uti-stolen"))
        .containsEntry("sample_event_ids", List.of("ual-1", "ual-2"))
        .doesNotContainKeys("item_count", "baseline", "threshold");
  }

  @Test
  void putsTheTenantInTheCloudAccount() {
    DetectionFinding finding = mapper.map(tokenReplay(1));

    assertThat(finding.cloud())
        .isEqualTo(
            new DetectionFinding.Cloud(
                "Microsoft", new DetectionFinding.Account(TENANT, 17, "M365 Tenant")));
    assertThat(finding.metadata().tenantUid()).isEqualTo(TENANT);
    assertThat(finding.metadata().profiles()).containsExactly("cloud");
  }

  @Test
  void namesNoAccountForAnAlertAboutAWholeTenant() {
    DetectionFinding finding = mapper.map(coverageGap());

    assertThat(finding.observables()).isEmpty();
    assertThat(finding.evidences()).isEmpty();
    assertThat(finding.findingInfo().attacks()).isEmpty();
    assertThat(finding.count()).isEqualTo(40);
  }

  @Test
  void keepsMailFiguresOfABurst() {
    DetectionFinding finding = mapper.map(mailBurst());

    assertThat(finding.unmapped())
        .containsEntry("item_count", 2400L)
        .containsEntry("baseline", 120.0)
        .containsEntry("threshold", 500.0);
    assertThat(finding.findingInfo().attacks())
        .extracting(a -> a.technique().uid(), a -> a.subTechnique().uid(), a -> a.tactic().name())
        .containsExactly(tuple("T1114", "T1114.002", "Collection"));
  }

  @Test
  void leavesTheProductVersionOutWhenItIsNotKnown() {
    var unversioned = new DetectionFindingMapper(RuleCatalogue.descriptors(), Optional.empty());

    assertThat(unversioned.map(tokenReplay(1)).metadata().product().version()).isNull();
  }

  static Alert tokenReplay(int revision) {
    return Alerts.revision(
        TokenReplay.DESCRIPTOR,
        "a1b2c3d4e5f60718293a4b5c6d7e8f90",
        revision,
        Severity.HIGH,
        0.85,
        TENANT,
        ALICE,
        FIRST,
        LAST,
        "Token used from two networks",
        Evidence.newBuilder()
            .setIps(List.of("188.166.1.20", "73.22.10.5"))
            .setAsns(List.of(7922L, 14061L))
            .setAsOrganisations(List.of("Comcast", "DigitalOcean"))
            .setCountries(List.of("NL", "US"))
            .setAppIds(List.of("00000002-0000-0ff1-ce00-000000000000"))
            .setTokenIds(List.of("uti-stolen"))
            .setSessionIds(List.of("session-1"))
            .setEventCount(2)
            .setSampleEventIds(List.of("ual-1", "ual-2"))
            .build());
  }

  static Alert coverageGap() {
    return Alerts.revision(
        SignInCoverageGap.DESCRIPTOR,
        "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        2,
        Severity.MEDIUM,
        0.9,
        TENANT,
        Alerts.WHOLE_TENANT,
        FIRST,
        LAST,
        "Tenant sends no Entra sign-in logs: 40 token uses cannot be checked",
        Evidence.newBuilder().setEventCount(40).build());
  }

  static Alert mailBurst() {
    return Alerts.revision(
        MailBurst.DESCRIPTOR,
        "99887766554433221100ffeeddccbbaa",
        1,
        Severity.HIGH,
        0.95,
        TENANT,
        ALICE,
        FIRST,
        LAST,
        "2400 items read in an hour",
        Evidence.newBuilder()
            .setIps(List.of("2001:db8::1"))
            .setAppIds(List.of("00000002-0000-0ff1-ce00-000000000000"))
            .setItemCount(2400)
            .setBaseline(120.0)
            .setThreshold(500.0)
            .setEventCount(12)
            .build());
  }
}
