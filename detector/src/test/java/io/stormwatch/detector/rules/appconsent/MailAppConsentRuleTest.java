package io.stormwatch.detector.rules.appconsent;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.Events.appGrant;
import static io.stormwatch.detector.testing.Events.mailBind;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.testing.TenantRuleRun;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailAppConsentRuleTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String ADMIN = "admin@contoso.com";
  private static final String PHISHING_APP = "4f5a9c2e-7d3b-4e81-9b6a-2c0d8e1f3a57";
  private static final String BACKUP_APP = "e8b1c4d2-5a6f-4b3e-9c7d-0f1e2a3b4c5d";
  private static final String OUTLOOK_DESKTOP = "d3590ed6-52b3-4102-aeff-aad2292ab01c";

  private TenantRuleRun run = run(Map.of());

  private static TenantRuleRun run(Map<String, String> settings) {
    return new TenantRuleRun(new MailAppConsentRule(MailAppConsentSettings.of(settings)));
  }

  @Test
  void firesLowWhenAUserConsentsToAnAppReadingTheirMail() {
    run.feed(appGrant(ALICE, PHISHING_APP, "Mail.Read", "offline_access", "User.Read").at(T0));

    assertThat(run.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getRuleId()).isEqualTo("mail-app-consent");
              assertThat(a.getSeverity()).isEqualTo(Severity.LOW);
              assertThat(a.getAccountId()).isEqualTo(ALICE);
              assertThat(a.getEvidence().getAppIds()).containsExactly(PHISHING_APP);
              assertThat(a.getSummary())
                  .contains(ALICE, PHISHING_APP, "Mail.Read", "offline_access", "no mail");
            });
  }

  @Test
  void raisesTheGrantToHighWhenTheAppThenReadsMail() {
    run.feed(appGrant(ALICE, PHISHING_APP, "Mail.Read", "offline_access").at(T0));

    run.feed(
        mailBind(ALICE)
            .app(PHISHING_APP)
            .items(7)
            .from(VPS_NL)
            .withToken("t1")
            .at(T0.plus(Duration.ofMinutes(3))));
    run.feed(mailBind(ALICE).app(PHISHING_APP).items(5).at(T0.plus(Duration.ofMinutes(20))));
    run.feed(mailBind(ALICE).app(PHISHING_APP).items(4).at(T0.plus(Duration.ofMinutes(30))));

    assertThat(run.alerts()).extracting(Alert::getAlertId).containsOnly(alertId());
    assertThat(run.alerts()).extracting(Alert::getRevision).containsExactly(1, 2, 3);
    Alert high = run.alerts().get(1);
    assertThat(high.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(high.getEvidence().getAsns()).contains(VPS_NL.asn());
    assertThat(high.getEvidence().getTokenIds()).containsExactly("t1");
    assertThat(high.getSummary()).contains("read 7 items in 1 mailbox (" + ALICE, "3 min after");
    assertThat(high.getEvidence().getMailboxes()).as("Alice's own mailbox is no other's").isEmpty();
    assertThat(run.alerts().get(2).getEvidence().getItemCount())
        .as("revised when the items read have doubled")
        .isEqualTo(16);
  }

  @Test
  void firesMediumOnAnApplicationPermissionThenRevisesForEachMailboxItReads() {
    run.feed(appGrant(ADMIN, BACKUP_APP, "full_access_as_app").tenantWide().at(T0));
    for (String mailbox : new String[] {ALICE, BOB, "carol@contoso.com"}) {
      run.feed(mailBind(mailbox).app(BACKUP_APP).items(40).from(VPS_NL).at(T0.plusSeconds(600)));
      run.feed(mailBind(mailbox).app(BACKUP_APP).items(40).from(VPS_NL).at(T0.plusSeconds(700)));
    }

    assertThat(run.alerts().get(0).getSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(run.alerts().subList(1, run.alerts().size()))
        .isNotEmpty()
        .extracting(Alert::getSeverity)
        .containsOnly(Severity.HIGH);
    assertThat(run.alerts()).extracting(Alert::getAccountId).containsOnly(ADMIN);
    assertThat(run.latest().get(0).getSummary())
        .contains("every user of the tenant", "200 items in 3 mailboxes");
    assertThat(run.latest().get(0).getEvidence().getMailboxes())
        .containsExactly(ALICE, BOB, "carol@contoso.com");
  }

  @Test
  void staysQuietOnAGrantWithoutMailScopes() {
    run.feed(
        appGrant(ALICE, PHISHING_APP, "User.Read", "openid", "profile", "offline_access").at(T0));
    run.feed(mailBind(ALICE).app(PHISHING_APP).at(T0.plusSeconds(60)));

    assertThat(run.alerts()).isEmpty();
  }

  @Test
  void staysQuietOnAnAppManyAccountsOfTheTenantAlreadyReadMailWith() {
    for (String user : new String[] {"carol@contoso.com", "dan@contoso.com", "erin@contoso.com"}) {
      run.feed(mailBind(user).app(PHISHING_APP).at(T0));
    }

    run.feed(appGrant(ALICE, PHISHING_APP, "Mail.ReadWrite").at(T0.plusSeconds(60)));
    run.feed(mailBind(ALICE).app(PHISHING_APP).at(T0.plusSeconds(120)));

    assertThat(run.alerts()).isEmpty();
  }

  @Test
  void staysQuietOnMicrosoftsOwnMailClientsAndOnAllowedApps() {
    run = run(Map.of(MailAppConsentSettings.ALLOWED_APPS, PHISHING_APP.toUpperCase()));

    run.feed(appGrant(ALICE, OUTLOOK_DESKTOP, "Mail.ReadWrite").at(T0));
    run.feed(appGrant(ALICE, PHISHING_APP, "Mail.Read").at(T0));

    assertThat(run.alerts()).isEmpty();
  }

  @Test
  void doesNotJoinReadsLongAfterTheGrantOrByAnotherApp() {
    run.feed(appGrant(ALICE, PHISHING_APP, "Mail.Read").at(T0));

    run.feed(mailBind(ALICE).app(BACKUP_APP).at(T0.plus(Duration.ofHours(1))));
    run.feed(mailBind(ALICE).app(PHISHING_APP).at(T0.plus(Duration.ofDays(8))));

    assertThat(run.alerts()).hasSize(1);
  }

  @Test
  void joinsAnotherUsersGrantToTheSameAppIntoTheIncident() {
    run.feed(appGrant(ALICE, PHISHING_APP, "Mail.Read").at(T0));
    run.feed(appGrant(BOB, PHISHING_APP, "Mail.Read").at(T0.plus(Duration.ofHours(2))));
    run.feed(appGrant(BOB, PHISHING_APP, "Mail.Read").at(T0.plus(Duration.ofHours(3))));

    assertThat(run.alerts()).hasSize(2).extracting(Alert::getAlertId).containsOnly(alertId());
    assertThat(run.alerts().get(1).getSummary()).contains(ALICE + " and 1 other");
    assertThat(run.alerts().get(1).getAccountId()).isEqualTo(ALICE);
  }

  private String alertId() {
    return run.alerts().get(0).getAlertId();
  }
}
