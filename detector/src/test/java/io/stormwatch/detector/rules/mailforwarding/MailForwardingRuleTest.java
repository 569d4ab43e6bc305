package io.stormwatch.detector.rules.mailforwarding;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.MailboxChanges.cmdlet;
import static io.stormwatch.detector.testing.MailboxChanges.newInboxRule;
import static io.stormwatch.detector.testing.MailboxChanges.outlookRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailForwardingRuleTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:15:00Z");

  private MailForwardingRule rule = new MailForwardingRule(MailForwardingSettings.of(Map.of()));
  private final MailForwardingState state = new MailForwardingState();
  private final List<Alert> alerts = new ArrayList<>();

  @Test
  void firesOnAnInboxRuleForwardingOutsideTheTenant() {
    run(
        newInboxRule(ALICE)
            .set("Name", ".")
            .set("ForwardTo", "Drop@Proton.me")
            .from(VPS_NL)
            .at(T0));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getRuleId()).isEqualTo("mail-forwarding");
              assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(a.getEvidence().getRecipients()).containsExactly("drop@proton.me");
              assertThat(a.getSummary()).contains(ALICE).contains("drop@proton.me");
            });
  }

  @Test
  void staysQuietOnForwardingInsideTheTenantsDomains() {
    run(newInboxRule(ALICE).set("Name", "Invoices").set("ForwardTo", BOB).at(T0));
    run(
        newInboxRule(ALICE)
            .set("Name", "To the subsidiary")
            .set("ForwardTo", "ap@eu.contoso.com")
            .at(T0.plusSeconds(60)));

    assertThat(alerts).isEmpty();
  }

  @Test
  void firesCriticalOnMailboxForwardingThatKeepsNoCopy() {
    run(
        cmdlet(ALICE, "Set-Mailbox")
            .set("Identity", ALICE)
            .set("ForwardingSmtpAddress", "smtp:collector@gmail.com")
            .set("DeliverToMailboxAndForward", "False")
            .from(VPS_NL)
            .at(T0));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
              assertThat(a.getEvidence().getRecipients()).containsExactly("collector@gmail.com");
            });
  }

  @Test
  void staysQuietOnMailboxForwardingToAColleague() {
    run(
        cmdlet(BOB, "Set-Mailbox")
            .set("Identity", ALICE)
            .set("ForwardingSmtpAddress", "smtp:" + BOB)
            .set("DeliverToMailboxAndForward", "False")
            .at(T0));

    assertThat(alerts).isEmpty();
  }

  @Test
  void firesCriticalOnARedirectionAsOutlookWritesIt() {
    run(
        outlookRule(ALICE, "AddMailboxRule")
            .set("Name", "..")
            .set("RedirectTo", "drop@proton.me")
            .from(VPS_NL)
            .at(T0));

    assertThat(alerts).singleElement().extracting(Alert::getSeverity).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void staysQuietOnAnOutlookRuleChangeItCannotReadButCountsItIntoTheNextAlert() {
    run(outlookRule(ALICE, "ModifyMailboxRule").at(T0));
    assertThat(alerts).isEmpty();

    run(
        newInboxRule(ALICE)
            .set("Name", ".")
            .set("ForwardTo", "drop@proton.me")
            .at(T0.plusSeconds(60)));

    assertThat(alerts)
        .singleElement()
        .extracting(Alert::getSummary)
        .asString()
        .contains("1 Outlook");
  }

  @Test
  void staysQuietOnConfiguredInternalDomains() {
    rule =
        new MailForwardingRule(
            MailForwardingSettings.of(
                Map.of(MailForwardingSettings.INTERNAL_DOMAINS, "fabrikam.com")));

    run(newInboxRule(ALICE).set("Name", "Partner").set("ForwardTo", "ops@fabrikam.com").at(T0));

    assertThat(alerts).isEmpty();
  }

  @Test
  void revisesOneIncidentWhenItWorsensThenOpensANewOneAfterTheQuietPeriod() {
    run(newInboxRule(ALICE).set("Name", ".").set("ForwardTo", "a@proton.me").at(T0));
    run(
        newInboxRule(ALICE)
            .set("Name", "..")
            .set("RedirectTo", "a@proton.me")
            .at(T0.plusSeconds(30)));
    run(
        newInboxRule(ALICE)
            .set("Name", ".")
            .set("ForwardTo", "b@proton.me")
            .at(T0.plus(Duration.ofDays(3))));

    assertThat(alerts).hasSize(3);
    assertThat(alerts.get(0).getAlertId()).isEqualTo(alerts.get(1).getAlertId());
    assertThat(alerts.get(1).getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(alerts.get(2).getAlertId()).isNotEqualTo(alerts.get(0).getAlertId());
    assertThat(alerts.get(2).getSeverity()).isEqualTo(Severity.HIGH);
  }

  private void run(AuditEvent event) {
    alerts.addAll(rule.evaluate(state, event));
  }
}
