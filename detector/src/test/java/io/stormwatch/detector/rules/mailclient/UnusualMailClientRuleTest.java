package io.stormwatch.detector.rules.mailclient;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.mailBind;
import static io.stormwatch.detector.testing.Events.mailSync;
import static io.stormwatch.detector.testing.Events.signIn;
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

class UnusualMailClientRuleTest {

  private static final Instant DAY_0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant DAY_20 = DAY_0.plus(Duration.ofDays(20));
  private static final String OUTLOOK_DESKTOP = "d3590ed6-52b3-4102-aeff-aad2292ab01c";
  private static final String OUTLOOK_WEB = "9199bf20-a13f-4107-85dc-02114787ef48";
  private static final String CRM_ADDIN = "a6e3c2a1-1111-4c4c-9f9f-0123456789ab";
  private static final String PHISHING_APP = "4f5a9c2e-7d3b-4e81-9b6a-2c0d8e1f3a57";

  private final UnusualMailClientRule rule =
      new UnusualMailClientRule(UnusualMailClientSettings.of(Map.of()));
  private final MailClientState state = rule.newState();
  private final List<Alert> alerts = new ArrayList<>();

  @Test
  void firesOnARareNewClientAfterTheLearningPeriod() {
    run(mailBind(ALICE).app(OUTLOOK_DESKTOP).at(DAY_0));

    run(mailBind(ALICE).app(PHISHING_APP).items(12).appUsedByTenantAccounts(0).at(DAY_20));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getRuleId()).isEqualTo("unusual-mail-client");
              assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(a.getEvidence().getAppIds()).containsExactly(PHISHING_APP);
              assertThat(a.getEvidence().getItemCount()).isEqualTo(12);
              assertThat(a.getSummary()).contains(ALICE).contains(PHISHING_APP).contains("20 days");
            });
  }

  @Test
  void learnsClientsDuringTheLearningPeriod() {
    run(mailBind(ALICE).app(OUTLOOK_DESKTOP).at(DAY_0));
    run(mailBind(ALICE).app(CRM_ADDIN).at(DAY_0.plus(Duration.ofDays(3))));

    run(mailBind(ALICE).app(CRM_ADDIN).at(DAY_20));

    assertThat(alerts).isEmpty();
  }

  @Test
  void neverReportsMicrosoftsOwnMailClients() {
    run(mailBind(ALICE).app(OUTLOOK_DESKTOP).at(DAY_0));

    run(mailBind(ALICE).app(OUTLOOK_WEB).at(DAY_20));

    assertThat(alerts).isEmpty();
  }

  @Test
  void staysQuietForAClientManyAccountsOfTheTenantUse() {
    run(mailBind(ALICE).app(OUTLOOK_DESKTOP).at(DAY_0));

    run(mailBind(ALICE).app(CRM_ADDIN).appUsedByTenantAccounts(9).at(DAY_20));

    assertThat(alerts).isEmpty();
  }

  @Test
  void reportsANewClientOnceNotOnEveryRead() {
    run(mailBind(ALICE).app(OUTLOOK_DESKTOP).at(DAY_0));

    for (int i = 0; i < 30; i++) {
      run(mailBind(ALICE).app(PHISHING_APP).at(DAY_20.plusSeconds(60L * i)));
    }

    assertThat(alerts).hasSize(1);
  }

  @Test
  void judgesOnlyMailBinds() {
    run(signIn(ALICE).app(OUTLOOK_DESKTOP).at(DAY_0));

    run(mailSync(ALICE, 3).app(PHISHING_APP).at(DAY_20));
    run(signIn(ALICE).app(PHISHING_APP).at(DAY_20));

    assertThat(alerts).isEmpty();
  }

  @Test
  void takesMoreAllowedClientsFromConfiguration() {
    var configured =
        new UnusualMailClientRule(
            UnusualMailClientSettings.of(
                Map.of(UnusualMailClientSettings.ALLOWED_APPS, CRM_ADDIN.toUpperCase())));
    MailClientState fresh = configured.newState();
    configured.evaluate(fresh, mailBind(ALICE).app(OUTLOOK_DESKTOP).at(DAY_0));

    assertThat(configured.evaluate(fresh, mailBind(ALICE).app(CRM_ADDIN).at(DAY_20))).isEmpty();
  }

  @Test
  void stateSurvivesItsCodec() {
    run(mailBind(ALICE).app(OUTLOOK_DESKTOP).at(DAY_0));
    run(mailBind(ALICE).app(CRM_ADDIN).at(DAY_0.plusSeconds(5)));

    MailClientState decoded = rule.codec().decode(rule.codec().encode(state));

    assertThat(decoded.firstSeen).isEqualTo(state.firstSeen);
    assertThat(decoded.lastUsed).isEqualTo(state.lastUsed);
  }

  private void run(AuditEvent event) {
    alerts.addAll(rule.evaluate(state, event));
  }
}
