package io.stormwatch.detector.topology;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.CARRIER_US;
import static io.stormwatch.detector.testing.Events.HOME_US;
import static io.stormwatch.detector.testing.Events.TENANT;
import static io.stormwatch.detector.testing.Events.VPS_NL;
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
        RawRecords.signIn("si-1", TENANT, ALICE, T0, "73.22.10.5", 7922L, "US", "uti-stolen"),
        T0);
    pipeline.ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "ual-1", TENANT, ALICE, T0.plusSeconds(60), "73.22.10.5", "uti-stolen", 3),
        T0.plusSeconds(60));
    pipeline.ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "ual-2", TENANT, ALICE, T0.plusSeconds(900), "188.166.1.20", "uti-stolen", 5),
        T0.plusSeconds(900));

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
      pipeline.mailBind(
          "bob-" + i,
          BOB,
          T0.plus(Duration.ofMinutes(3L * i)),
          CARRIER_US.at("172.56.1." + i),
          "uti-m",
          3);
    }

    assertThat(pipeline.alerts.isEmpty()).isTrue();
  }

  @Test
  void revisesOneAlertForOneIncidentInsteadOfFiringAStorm() {
    for (int i = 0; i < 60; i++) {
      pipeline.mailBind("alice-" + i, ALICE, T0.plus(Duration.ofMinutes(i)), VPS_NL, "uti-a", 60);
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
        withoutBursts.mailBind(
            "alice-" + i,
            ALICE,
            T0.plus(Duration.ofMinutes(i)),
            i < 30 ? HOME_US : VPS_NL,
            "uti-a",
            60);
      }

      assertThat(withoutBursts.alerts())
          .isNotEmpty()
          .extracting(Alert::getRuleId)
          .containsOnly("token-replay");
    }
  }

  @Test
  void sendsEventsOlderThanTheGracePeriodToTheLateTopic() {
    pipeline.mailBind("recent", ALICE, T0.plus(Duration.ofHours(5)), HOME_US, "uti-a", 1);
    pipeline.mailBind("within-grace", ALICE, T0.plus(Duration.ofHours(4)), HOME_US, "uti-a", 1);
    pipeline.mailBind("late", ALICE, T0, HOME_US, "uti-a", 1);
    pipeline.mailBind("bob-first", BOB, T0, HOME_US, "uti-b", 1);

    var lateRecords = pipeline.late.readKeyValuesToList();
    assertThat(lateRecords).hasSize(1);
    assertThat(lateRecords.get(0).key).isEqualTo(TENANT + "/" + ALICE);
    assertThat(lateRecords.get(0).value.getEventId()).isEqualTo("late");
    // the normalised topic still carries every event: lateness concerns the detections only
    assertThat(pipeline.events.readValuesToList())
        .extracting(AuditEvent::getEventId)
        .containsExactly("recent", "within-grace", "late", "bob-first");
  }

  @Test
  void alertsOnMailReadWithAForgedTokenOnceTheSignInFeedHasPassedIt() {
    byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
    pipeline.ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "forged-1", TENANT, ALICE, T0, "188.166.1.20", "never-issued", "unknown-session", 40),
        T0);
    for (int m = 0; m <= 180; m += 15) {
      pipeline.bobSignsIn(T0.plus(Duration.ofMinutes(m)));
    }

    List<Alert> alerts = pipeline.alerts();

    assertThat(alerts).extracting(Alert::getRuleId).containsExactly("orphan-token");
    assertThat(alerts.get(0).getEvidence().getSampleEventIds()).containsExactly("forged-1");
  }

  @Test
  void judgesAForgedTokenUseThatArrivesAfterItsCheckWasDue() {
    byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
    for (int m = 0; m <= 300; m += 15) {
      pipeline.bobSignsIn(T0.plus(Duration.ofMinutes(m)));
      if (m == 240) {
        // stream time is four hours on: this use's check fell due half an hour ago
        pipeline.ualRaw.pipeInput(
            tenant,
            RawRecords.mailItemsAccessed(
                "forged-late",
                TENANT,
                ALICE,
                T0.plus(Duration.ofMinutes(120)),
                "188.166.1.20",
                "never-issued",
                "unknown-session",
                40),
            T0.plus(Duration.ofMinutes(120)));
      }
    }

    List<Alert> alerts = pipeline.alerts();

    assertThat(alerts).extracting(Alert::getRuleId).containsExactly("orphan-token");
    assertThat(alerts.get(0).getEvidence().getSampleEventIds()).containsExactly("forged-late");
  }

  @Test
  void aSignInRecordThatArrivesLateCancelsTheForgedTokenAlert() {
    byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
    pipeline.ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "ual-1", TENANT, ALICE, T0, "73.22.10.5", "uti-late", "s-late", 2),
        T0);
    pipeline.signInRaw.pipeInput(
        tenant,
        RawRecords.signIn(
            "si-late", TENANT, ALICE, T0.minusSeconds(30), "73.22.10.5", 7922L, "US", "uti-late"),
        T0.minusSeconds(30));
    for (int m = 15; m <= 180; m += 15) {
      pipeline.bobSignsIn(T0.plus(Duration.ofMinutes(m)));
    }

    assertThat(pipeline.alerts()).isEmpty();
  }

  @Test
  void mailReadWithoutTokenOrSessionIdIsUnknownNotOrphaned() {
    byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
    // Microsoft leaves both ids out of some aggregated and background records: nothing to check.
    pipeline.ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed("no-ids", TENANT, ALICE, T0, "188.166.1.20", null, null, 40),
        T0);
    for (int m = 0; m <= 180; m += 15) {
      pipeline.bobSignsIn(T0.plus(Duration.ofMinutes(m)));
    }

    assertThat(pipeline.alerts()).isEmpty();
  }

  @Test
  void appOnlyMailReadWithATokenAServicePrincipalSignInIssuedIsNotOrphaned() {
    byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
    pipeline.signInRaw.pipeInput(
        tenant,
        RawRecords.servicePrincipalSignIn(
            "sp-si-1", TENANT, "b029d485-a308-4311-8720-fb3192e5284e", T0, "20.190.1.5", "uti-app"),
        T0);
    appOnlyRead("app-read-1", T0.plusSeconds(60), "uti-app");
    appOnlyRead("app-read-2", T0.plusSeconds(120), "uti-never-issued");
    for (int m = 15; m <= 180; m += 15) {
      pipeline.bobSignsIn(T0.plus(Duration.ofMinutes(m)));
    }

    List<Alert> alerts = pipeline.alerts();

    assertThat(alerts)
        .as("only the read whose token no sign-in issued is orphaned")
        .extracting(Alert::getRuleId)
        .containsExactly("orphan-token");
    assertThat(alerts.get(0).getEvidence().getSampleEventIds()).containsExactly("app-read-2");
  }

  @Test
  void mailReadWithATokenANonInteractiveSignInIssuedIsNotOrphaned() {
    byte[] tenant = TENANT.getBytes(StandardCharsets.UTF_8);
    pipeline.signInRaw.pipeInput(
        tenant,
        RawRecords.nonInteractiveSignIn(
            "ni-si-1", TENANT, ALICE, T0, "73.22.10.5", "uti-background"),
        T0);
    pipeline.ualRaw.pipeInput(
        tenant,
        RawRecords.mailItemsAccessed(
            "bg-read", TENANT, ALICE, T0.plusSeconds(60), "73.22.10.5", "uti-background", null, 3),
        T0.plusSeconds(60));
    for (int m = 15; m <= 180; m += 15) {
      pipeline.bobSignsIn(T0.plus(Duration.ofMinutes(m)));
    }

    assertThat(pipeline.alerts()).isEmpty();
  }

  /** An app reads Alice's mailbox with an app-only token: no session, only the token. */
  private void appOnlyRead(String id, Instant at, String uti) {
    pipeline.ualRaw.pipeInput(
        TENANT.getBytes(StandardCharsets.UTF_8),
        RawRecords.mailItemsAccessed(id, TENANT, ALICE, at, "20.190.1.5", uti, null, 10),
        at);
  }
}
