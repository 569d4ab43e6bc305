package io.stormwatch.detector.topology;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.CARRIER_US;
import static io.stormwatch.detector.testing.Events.HOME_US;
import static io.stormwatch.detector.testing.Events.TENANT;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.Events.mailBind;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.testing.RawRecords;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DetectionTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final TopologyFixture pipeline = new TopologyFixture();

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void alertsOnATokenReplayedFromAVpsWhileTheUserIsActiveAtHome() {
    byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
    pipeline.signInRaw.pipeInput(
        tenant,
        RawRecords.signIn("si-1", TENANT, ALICE, T0, "73.22.10.5", 7922L, "US", "uti-stolen"));
    pipeline.ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "ual-1", TENANT, ALICE, T0.plusSeconds(60), "73.22.10.5", "uti-stolen", 3));
    pipeline.ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "ual-2", TENANT, ALICE, T0.plusSeconds(900), "188.166.1.20", "uti-stolen", 5));

    var record = pipeline.alerts.readRecord();

    assertThat(record.key()).isEqualTo(record.value().getAlertId());
    assertThat(record.getRecordTime()).isEqualTo(T0.plusSeconds(900));
    Alert alert = record.value();
    assertThat(alert.getRuleId()).isEqualTo("token-replay");
    assertThat(alert.getEvidence().getAsns()).containsExactly(7922L, 14061L);
    assertThat(alert.getEvidence().getCountries()).containsExactly("NL", "US");
    assertThat(alert.getEvidence().getSampleEventIds()).containsExactly("si-1", "ual-1", "ual-2");
    assertThat(pipeline.alerts.isEmpty()).isTrue();
  }

  @Test
  void staysQuietForAMobileUserHoppingInsideOneCarrier() {
    for (int i = 0; i < 20; i++) {
      pipeline.detect(
          mailBind(BOB)
              .withToken("uti-m")
              .items(3)
              .from(CARRIER_US.at("172.56.1." + i))
              .at(T0.plus(Duration.ofMinutes(3L * i))));
    }

    assertThat(pipeline.alerts.isEmpty()).isTrue();
  }

  @Test
  void revisesOneAlertForOneIncidentInsteadOfFiringAStorm() {
    for (int i = 0; i < 60; i++) {
      pipeline.detect(
          mailBind(ALICE)
              .withToken("uti-a")
              .items(60)
              .from(VPS_NL)
              .at(T0.plus(Duration.ofMinutes(i))));
    }

    List<Alert> alerts = pipeline.alerts();
    assertThat(alerts)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.getRuleId()).isEqualTo("mail-burst"));
    assertThat(alerts).extracting(Alert::getAlertId).containsOnly(alerts.get(0).getAlertId());
    assertThat(alerts.size()).isLessThan(10);
  }

  @Test
  void aRuleSwitchedOffStaysQuietWhileTheOthersKeepTheirState() {
    try (TopologyFixture withoutBursts =
        new TopologyFixture(StormwatchConfig.from(Map.of("rule.mail-burst.enabled", "false")))) {
      for (int i = 0; i < 60; i++) {
        withoutBursts.detect(
            mailBind(ALICE)
                .withToken("uti-a")
                .items(60)
                .from(i < 30 ? HOME_US : VPS_NL)
                .at(T0.plus(Duration.ofMinutes(i))));
      }

      assertThat(withoutBursts.alerts())
          .isNotEmpty()
          .extracting(Alert::getRuleId)
          .containsOnly("token-replay");
    }
  }

  @Test
  void sendsEventsOlderThanTheGracePeriodToTheLateTopic() {
    AuditEvent recent = mailBind(ALICE).from(HOME_US).at(T0.plus(Duration.ofHours(5)));
    AuditEvent withinGrace = mailBind(ALICE).from(HOME_US).at(T0.plus(Duration.ofHours(4)));
    AuditEvent late = mailBind(ALICE).from(HOME_US).at(T0);
    AuditEvent otherAccountFirstEvent = mailBind(BOB).from(HOME_US).at(T0);

    pipeline.detect(recent, withinGrace, late, otherAccountFirstEvent);

    var lateRecords = pipeline.late.readKeyValuesToList();
    assertThat(lateRecords).hasSize(1);
    assertThat(lateRecords.get(0).key).isEqualTo(TENANT + "/" + ALICE);
    assertThat(lateRecords.get(0).value).isEqualTo(late);
  }

  @Test
  void alertsOnMailReadWithAForgedTokenOnceTheSignInFeedHasPassedIt() {
    byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
    pipeline.ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "forged-1", TENANT, ALICE, T0, "188.166.1.20", "never-issued", "unknown-session", 40));
    for (int m = 0; m <= 180; m += 15) {
      Instant at = T0.plus(Duration.ofMinutes(m));
      pipeline.signInRaw.pipeInput(
          tenant,
          RawRecords.signIn("bob-si-" + m, TENANT, BOB, at, "73.1.2.3", 7922L, "US", "bob-" + m));
    }

    List<Alert> alerts = pipeline.alerts();

    assertThat(alerts).extracting(Alert::getRuleId).containsExactly("orphan-token");
    assertThat(alerts.get(0).getEvidence().getSampleEventIds()).containsExactly("forged-1");
  }

  @Test
  void aSignInRecordThatArrivesLateCancelsTheForgedTokenAlert() {
    byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
    pipeline.ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "ual-1", TENANT, ALICE, T0, "73.22.10.5", "uti-late", "s-late", 2));
    pipeline.signInRaw.pipeInput(
        tenant,
        RawRecords.signIn(
            "si-late", TENANT, ALICE, T0.minusSeconds(30), "73.22.10.5", 7922L, "US", "uti-late"));
    for (int m = 15; m <= 180; m += 15) {
      Instant at = T0.plus(Duration.ofMinutes(m));
      pipeline.signInRaw.pipeInput(
          tenant,
          RawRecords.signIn("bob-si-" + m, TENANT, BOB, at, "73.1.2.3", 7922L, "US", "bob-" + m));
    }

    assertThat(pipeline.alerts()).isEmpty();
  }
}
