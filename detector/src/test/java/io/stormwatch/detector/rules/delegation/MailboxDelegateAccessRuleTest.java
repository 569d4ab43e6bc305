package io.stormwatch.detector.rules.delegation;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.Events.mailBind;
import static io.stormwatch.detector.testing.Events.mailboxGrant;
import static io.stormwatch.detector.testing.Events.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.testing.TenantRuleRun;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailboxDelegateAccessRuleTest {

  private static final Instant DAY_0 = Instant.parse("2026-02-09T09:00:00Z");
  private static final Instant DAY_1 = DAY_0.plus(Duration.ofDays(1));
  private static final Instant DAY_20 = DAY_0.plus(Duration.ofDays(20));
  private static final String ADMIN = "admin@contoso.com";
  private static final String CEO = "ceo@contoso.com";
  private static final String CFO = "cfo@contoso.com";
  private static final String SUPPORT = "support@contoso.com";

  private final TenantRuleRun run =
      new TenantRuleRun(new MailboxDelegateAccessRule(MailboxDelegateAccessSettings.of(Map.of())));

  @BeforeEach
  void theTenantIsSeenFromDayZero() {
    run.feed(signIn(ALICE).at(DAY_0));
  }

  @Test
  void firesHighWhenAnAccountReadsAMailboxJustDelegatedToIt() {
    run.feed(mailboxGrant(ADMIN, BOB, CEO, "FullAccess").at(DAY_20));

    run.feed(
        mailBind(BOB)
            .mailboxOf(CEO)
            .items(30)
            .from(VPS_NL)
            .at(DAY_20.plus(Duration.ofMinutes(12))));

    assertThat(run.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getRuleId()).isEqualTo("mailbox-delegate-access");
              assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(a.getAccountId()).isEqualTo(BOB);
              assertThat(a.getEvidence().getItemCount()).isEqualTo(30);
              assertThat(a.getEvidence().getAsns()).containsExactly(VPS_NL.asn());
              assertThat(a.getSummary())
                  .contains(BOB, "a mailbox they had never read before (" + CEO + ")")
                  .contains("12 min after " + ADMIN + " granted FullAccess");
            });
  }

  @Test
  void joinsDelegationsWrittenWithAliasesAndPaths() {
    run.feed(
        mailboxGrant(
                ADMIN,
                "NAMPR10A011.PROD.OUTLOOK.COM/contoso.onmicrosoft.com/bob",
                "CEO",
                "FullAccess")
            .at(DAY_20));
    run.feed(mailboxGrant(ADMIN, "Bob", "ceo@contoso.com", "SendAs").at(DAY_20));

    run.feed(mailBind(BOB).mailboxOf(CEO).at(DAY_20.plus(Duration.ofHours(3))));

    assertThat(run.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(a.getSummary()).contains("SendAs");
            });
  }

  @Test
  void firesMediumOnAFirstReadWithNoDelegationSeen() {
    run.feed(mailBind(BOB).mailboxOf(CEO).at(DAY_20));

    assertThat(run.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.MEDIUM);
              assertThat(a.getSummary()).contains("no delegation to them seen");
            });
  }

  @Test
  void staysQuietOnPairsSeenWhileLearning() {
    run.feed(mailBind(BOB).mailboxOf(CEO).at(DAY_1));

    run.feed(mailBind(BOB).mailboxOf(CEO).at(DAY_20));

    assertThat(run.alerts()).isEmpty();
  }

  @Test
  void staysQuietOnANewMemberOfATeamMailbox() {
    run.feed(mailBind("carol@contoso.com").mailboxOf(SUPPORT).at(DAY_1));
    run.feed(mailBind("dan@contoso.com").mailboxOf(SUPPORT).at(DAY_1));

    run.feed(mailboxGrant(ADMIN, BOB, SUPPORT, "FullAccess").at(DAY_20));
    run.feed(mailBind(BOB).mailboxOf(SUPPORT).at(DAY_20.plusSeconds(600)));

    assertThat(run.alerts()).isEmpty();
  }

  @Test
  void neverCountsOwnersReadingTheirOwnMail() {
    run.feed(mailBind(CEO).mailboxOf(CEO).at(DAY_20));
    run.feed(mailBind(CEO).at(DAY_20));

    assertThat(run.alerts()).isEmpty();
  }

  @Test
  void foldsEveryNewMailboxAndFurtherReadsIntoTheReadersIncident() {
    run.feed(mailBind(BOB).mailboxOf(CEO).items(10).at(DAY_20));
    run.feed(mailBind(BOB).mailboxOf(CEO).items(5).at(DAY_20.plusSeconds(60)));
    run.feed(mailBind(BOB).mailboxOf(CFO).items(10).at(DAY_20.plusSeconds(120)));
    run.feed(mailBind(BOB).mailboxOf(CFO).items(30).at(DAY_20.plusSeconds(180)));

    assertThat(run.alerts())
        .extracting(Alert::getRevision)
        .as("the first mailbox, the second, then the items doubled")
        .containsExactly(1, 2, 3);
    assertThat(run.alerts())
        .extracting(Alert::getAlertId)
        .containsOnly(run.alerts().get(0).getAlertId());
    assertThat(run.alerts().get(2).getEvidence().getItemCount()).isEqualTo(55);
    assertThat(run.alerts().get(2).getSummary()).contains("2 mailboxes", CEO, CFO);
    assertThat(run.alerts().get(2).getEvidence().getMailboxes())
        .as("the mailboxes read, in fixed evidence")
        .containsExactly(CEO, CFO);
  }

  @Test
  void aQuietDayClosesTheIncidentAndTheOldPairStaysQuiet() {
    run.feed(mailBind(BOB).mailboxOf(CEO).at(DAY_20));
    run.feed(mailBind(BOB).mailboxOf(CEO).items(50).at(DAY_20.plus(Duration.ofDays(2))));
    run.feed(mailBind(BOB).mailboxOf(CFO).at(DAY_20.plus(Duration.ofDays(3))));

    assertThat(run.latest()).hasSize(2).extracting(Alert::getRevision).containsOnly(1);
  }

  @Test
  void reportsAMailFolderOpenedToEveryoneAtOnceButNotASharedCalendar() {
    run.feed(mailboxGrant(ALICE, "Default", ALICE + ":\\calendar", "Reviewer").at(DAY_1));
    run.feed(mailboxGrant(ALICE, "Default", ALICE + ":\\inbox", "Reviewer").at(DAY_1));

    assertThat(run.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.MEDIUM);
              assertThat(a.getAccountId()).isEqualTo(ALICE);
              assertThat(a.getSummary()).contains("everyone", "Reviewer", ALICE + ":\\inbox");
            });
  }

  @Test
  void reportsTheImpersonationRoleAndJoinsItToTheReadsOfAnyMailbox() {
    String service = "svc-sync@contoso.com";
    run.feed(
        mailboxGrant(ADMIN, service, null, "ApplicationImpersonation").tenantWide().at(DAY_20));

    run.feed(mailBind(service).mailboxOf(CFO).at(DAY_20.plusSeconds(300)));

    assertThat(run.alerts())
        .extracting(Alert::getSeverity)
        .containsExactly(Severity.MEDIUM, Severity.HIGH);
    assertThat(run.alerts().get(0).getSummary()).contains("every mailbox of the tenant");
    assertThat(run.alerts().get(1).getAccountId()).isEqualTo(service);
  }
}
