package io.stormwatch.detector.rules.audittampering;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.MailboxChanges.cmdlet;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTamperingRuleTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:15:00Z");

  private AuditTamperingRule rule = new AuditTamperingRule(AuditTamperingSettings.of(Map.of()));
  private final AuditTamperingState state = new AuditTamperingState();
  private final List<Alert> alerts = new ArrayList<>();

  @Test
  void firesOnAMailboxAuditBypassAndMarksTheMailboxBlind() {
    run(
        cmdlet(ALICE, "Set-MailboxAuditBypassAssociation")
            .set("Identity", ALICE)
            .set("AuditBypassEnabled", "True")
            .from(VPS_NL)
            .at(T0));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getRuleId()).isEqualTo("audit-tampering");
              assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(a.getEvidence().getChanges())
                  .contains("Set-MailboxAuditBypassAssociation AuditBypassEnabled=True");
              assertThat(a.getEvidence().getMailboxBlindSince()).isEqualTo(T0);
            });
  }

  @Test
  void staysQuietOnRemovingABypass() {
    run(
        cmdlet(ALICE, "Set-MailboxAuditBypassAssociation")
            .set("Identity", "svc-archive@contoso.com")
            .set("AuditBypassEnabled", "False")
            .at(T0));

    assertThat(alerts).isEmpty();
  }

  @Test
  void firesOnMailboxAuditSwitchedOffOrMailItemsAccessedRemoved() {
    run(cmdlet(ALICE, "Set-Mailbox").set("Identity", BOB).set("AuditEnabled", "False").at(T0));
    run(
        cmdlet(ALICE, "Set-Mailbox")
            .set("Identity", "carol@contoso.com")
            .set("AuditOwner", "@{Remove=\"MailItemsAccessed\"}")
            .at(T0.plusSeconds(60)));

    assertThat(alerts).hasSize(2).allMatch(a -> a.getSeverity() == Severity.HIGH);
  }

  @Test
  void staysQuietOnMailboxAuditSwitchedOnOrExtended() {
    run(
        cmdlet(ALICE, "Set-Mailbox")
            .set("Identity", BOB)
            .set("AuditEnabled", "True")
            .set("AuditOwner", "@{Add=\"MailItemsAccessed\"}")
            .at(T0));

    assertThat(alerts).isEmpty();
  }

  @Test
  void firesCriticalWhenTheTenantsAuditLogIngestionIsSwitchedOff() {
    run(cmdlet(ALICE, "Set-AdminAuditLogConfig").set("AdminAuditLogEnabled", "False").at(T0));
    run(
        cmdlet(ALICE, "Set-AdminAuditLogConfig")
            .set("UnifiedAuditLogIngestionEnabled", "False")
            .at(T0.plusSeconds(60)));

    assertThat(alerts)
        .extracting(Alert::getSeverity)
        .containsExactly(Severity.HIGH, Severity.CRITICAL);
    assertThat(alerts.get(1).getAlertId()).isEqualTo(alerts.get(0).getAlertId());
  }

  @Test
  void staysQuietOnAuditLogIngestionSwitchedOn() {
    run(
        cmdlet(ALICE, "Set-AdminAuditLogConfig")
            .set("UnifiedAuditLogIngestionEnabled", "True")
            .at(T0));

    assertThat(alerts).isEmpty();
  }

  @Test
  void staysQuietOnABypassForAnAllowedAccount() {
    rule =
        new AuditTamperingRule(
            AuditTamperingSettings.of(
                Map.of(AuditTamperingSettings.BYPASS_ALLOWED, "SVC-Archive@contoso.com")));

    run(
        cmdlet(ALICE, "Set-MailboxAuditBypassAssociation")
            .set("Identity", "svc-archive@contoso.com")
            .set("AuditBypassEnabled", "True")
            .at(T0));

    assertThat(alerts).isEmpty();
  }

  private void run(AuditEvent event) {
    alerts.addAll(rule.evaluate(state, event));
  }
}
