package io.stormwatch.detector.rules.appsweep;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.Events.mailBind;
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

class AppMailboxSweepRuleTest {

  private static final Instant DAY_0 = Instant.parse("2026-02-09T09:00:00Z");
  private static final Instant DAY_1 = DAY_0.plus(Duration.ofDays(1));
  private static final Instant DAY_20 = DAY_0.plus(Duration.ofDays(20));
  private static final String BACKUP_APP = "e8b1c4d2-5a6f-4b3e-9c7d-0f1e2a3b4c5d";
  private static final String OUTLOOK_WEB = "9199bf20-a13f-4107-85dc-02114787ef48";

  private final TenantRuleRun run =
      new TenantRuleRun(new AppMailboxSweepRule(AppMailboxSweepSettings.of(Map.of())));

  @BeforeEach
  void theTenantIsSeenFromDayZero() {
    run.feed(signIn(ALICE).at(DAY_0));
  }

  @Test
  void firesWhenANewAppReadsFiveMailboxesWithinAnHour() {
    readMailboxes(BACKUP_APP, 6, DAY_20, Duration.ofMinutes(5));

    assertThat(run.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getRuleId()).isEqualTo("app-mailbox-sweep");
              assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(a.getAccountId()).isEqualTo("app:" + BACKUP_APP);
              assertThat(a.getEvidence().getAppIds()).containsExactly(BACKUP_APP);
              assertThat(a.getEvidence().getAsns()).containsExactly(VPS_NL.asn());
              assertThat(a.getFirstEventTime()).isEqualTo(DAY_20);
              assertThat(a.getSummary())
                  .contains("read 5 mailboxes in 20 min", "never more than one before");
            });
  }

  @Test
  void revisesTheSweepEachTimeItsMailboxesDouble() {
    readMailboxes(BACKUP_APP, 12, DAY_20, Duration.ofMinutes(2));

    assertThat(run.alerts()).extracting(Alert::getRevision).containsExactly(1, 2);
    assertThat(run.alerts().get(1).getSummary()).contains("read 10 mailboxes");
    assertThat(run.alerts().get(1).getEvidence().getMailboxes()).hasSize(10).isSorted();
  }

  @Test
  void staysQuietOnAnIntegrationReadingItsUsualMailboxesAndFiresAboveTwiceThem() {
    readMailboxes(BACKUP_APP, 6, DAY_1, Duration.ofMinutes(5));

    readMailboxes(BACKUP_APP, 6, DAY_20, Duration.ofMinutes(5));
    assertThat(run.alerts()).isEmpty();

    readMailboxes(BACKUP_APP, 13, DAY_20.plus(Duration.ofHours(3)), Duration.ofMinutes(2));
    assertThat(run.alerts())
        .singleElement()
        .satisfies(a -> assertThat(a.getSummary()).contains("at most 6 in 60 min before"));
  }

  @Test
  void staysQuietBelowFiveMailboxes() {
    readMailboxes(BACKUP_APP, 4, DAY_20, Duration.ofMinutes(5));

    assertThat(run.alerts()).isEmpty();
  }

  @Test
  void staysQuietOnMailboxesReadFurtherApartThanTheWindow() {
    readMailboxes(BACKUP_APP, 8, DAY_20, Duration.ofMinutes(25));

    assertThat(run.alerts()).isEmpty();
  }

  @Test
  void staysQuietOnMicrosoftsOwnClients() {
    readMailboxes(OUTLOOK_WEB, 10, DAY_20, Duration.ofMinutes(1));

    assertThat(run.alerts()).isEmpty();
  }

  /** App-only reads of {@code count} mailboxes, {@code apart} from each other. */
  private void readMailboxes(String app, int count, Instant from, Duration apart) {
    for (int i = 0; i < count; i++) {
      String mailbox = "user" + i + "@contoso.com";
      run.feed(
          mailBind(mailbox)
              .mailboxOf(mailbox)
              .app(app)
              .items(20)
              .from(VPS_NL)
              .at(from.plus(apart.multipliedBy(i))));
    }
  }
}
