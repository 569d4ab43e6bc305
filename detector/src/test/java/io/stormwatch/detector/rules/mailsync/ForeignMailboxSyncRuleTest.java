package io.stormwatch.detector.rules.mailsync;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.HOME_US;
import static io.stormwatch.detector.testing.Events.OFFICE_US;
import static io.stormwatch.detector.testing.Events.VPN_US;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.Events.VPS_US;
import static io.stormwatch.detector.testing.Events.mailBind;
import static io.stormwatch.detector.testing.Events.mailSync;
import static io.stormwatch.detector.testing.Events.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.testing.Events.Net;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForeignMailboxSyncRuleTest {

  /** Defaults: 50 folders within a sliding hour, tenant network from 5 accounts. */
  private final ForeignMailboxSyncRule rule =
      new ForeignMailboxSyncRule(ForeignMailboxSyncSettings.of(Map.of()));

  private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

  private final ForeignMailboxSyncState state = rule.newState();
  private final List<Alert> alerts = new ArrayList<>();

  @Test
  void firesWhenAStolenRefreshTokenSyncsTheMailboxFromAVps() {
    feed(signIn(ALICE).interactive().withToken("t-home").inSession("s1").from(HOME_US).at(T0));
    // The attacker redeems the stolen refresh token: a non-interactive sign-in from the VPS.
    feed(signIn(ALICE).withToken("t-vps").inSession("s1").from(VPS_NL).at(T0.plusSeconds(600)));

    syncFolders(VPS_NL, T0.plusSeconds(660), Duration.ofMinutes(30), 120, "t-vps");

    assertThat(alerts).isNotEmpty();
    Alert first = alerts.get(0);
    assertThat(first.getRuleId()).isEqualTo("foreign-mailbox-sync");
    assertThat(first.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(first.getAttackTechniques()).containsExactly("T1114.002", "T1550.001");
    assertThat(first.getEvidence().getItemCount()).isEqualTo(50);
    assertThat(first.getEvidence().getThreshold()).isEqualTo(50.0);
    assertThat(first.getEvidence().getAsns()).containsExactly(14061L);
    assertThat(first.getEvidence().getCountries()).containsExactly("NL");
    assertThat(first.getEvidence().getTokenIds()).containsExactly("t-vps");
    assertThat(first.getEvidence().getSessionIds()).containsExactly("s1");
    assertThat(first.getFirstEventTime()).isEqualTo(T0.plusSeconds(660));
    assertThat(first.getSummary()).contains(ALICE).contains("50 folders").contains("AS14061");
  }

  @Test
  void revisesOneAlertAsTheSyncDoublesInsteadOfFiringAgain() {
    feed(signIn(ALICE).interactive().from(HOME_US).at(T0));

    syncFolders(VPS_NL, T0.plusSeconds(60), Duration.ofMinutes(40), 250, "t1");

    assertThat(alerts).extracting(Alert::getAlertId).containsOnly(alerts.get(0).getAlertId());
    assertThat(alerts).extracting(Alert::getRevision).containsExactly(1, 2, 3);
    assertThat(alerts)
        .extracting(a -> a.getEvidence().getItemCount())
        .containsExactly(50L, 100L, 200L);
  }

  @Test
  void revisesTheAlertWhenAnotherForeignNetworkJoins() {
    syncFolders(VPS_NL, T0, Duration.ofMinutes(10), 60, "t1");
    feed(
        mailSync(ALICE, 1).withToken("t1").from(VPS_US.at("159.203.4.10")).at(T0.plusSeconds(700)));

    assertThat(alerts).hasSize(1);
    feed(
        mailSync(ALICE, 1)
            .withToken("t1")
            .from(new Net("45.77.1.2", 20473L, "The Constant Company, LLC", "DE"))
            .at(T0.plusSeconds(710)));

    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1).getEvidence().getAsns()).containsExactly(14061L, 20473L);
  }

  @Test
  void staysQuietWhenTheAccountsNewLaptopSyncsEverythingFromHome() {
    feed(signIn(ALICE).interactive().withToken("t-new").inSession("s2").from(HOME_US).at(T0));

    syncFolders(HOME_US, T0.plusSeconds(15), Duration.ofMinutes(30), 450, "t-new");

    assertThat(alerts).isEmpty();
  }

  @Test
  void aNetworkBecomesTheAccountsOwnOnceItsUserSignsInThereInteractively() {
    feed(signIn(ALICE).interactive().from(HOME_US).at(T0));
    feed(signIn(ALICE).interactive().from(OFFICE_US).at(T0.plus(Duration.ofDays(3))));

    syncFolders(
        OFFICE_US, T0.plus(Duration.ofDays(3)).plusSeconds(30), Duration.ofMinutes(20), 300, "t");

    assertThat(alerts).isEmpty();
  }

  @Test
  void staysQuietOnTheTenantsCorporateVpn() {
    feed(signIn(ALICE).interactive().from(HOME_US).at(T0));

    Instant at = T0.plusSeconds(60);
    for (int i = 0; i < 300; i++) {
      feed(
          mailSync(ALICE, 1)
              .withToken("t1")
              .from(VPN_US)
              .networkUsedByTenantAccounts(9)
              .at(at.plusSeconds(5L * i)));
    }

    assertThat(alerts).isEmpty();
  }

  @Test
  void staysQuietForOutlooksEverydaySyncsOnAForeignNetwork() {
    feed(signIn(ALICE).interactive().from(HOME_US).at(T0));

    for (int day = 0; day < 5; day++) {
      Instant morning = T0.plus(Duration.ofDays(day));
      for (int i = 0; i < 3; i++) {
        feed(mailSync(ALICE, 6).withToken("t" + day).from(VPS_NL).at(morning.plusSeconds(20L * i)));
      }
    }

    assertThat(alerts).isEmpty();
  }

  @Test
  void countsTheFoldersOfASlidingWindowOnly() {
    syncFolders(VPS_NL, T0, Duration.ofMinutes(20), 40, "t1");
    syncFolders(VPS_NL, T0.plus(Duration.ofHours(2)), Duration.ofMinutes(20), 40, "t2");

    assertThat(alerts).isEmpty();
  }

  @Test
  void countsEveryFolderARecordNames() {
    feed(mailSync(ALICE, 30).withToken("t1").from(VPS_NL).at(T0));
    assertThat(alerts).isEmpty();

    feed(mailSync(ALICE, 20).withToken("t1").from(VPS_NL).at(T0.plusSeconds(60)));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).getEvidence().getItemCount()).isEqualTo(50);
    assertThat(alerts.get(0).getEvidence().getEventCount()).isEqualTo(2);
  }

  @Test
  void opensANewAlertAfterAWindowWithoutForeignSyncs() {
    syncFolders(VPS_NL, T0, Duration.ofMinutes(10), 60, "t1");
    feed(mailBind(ALICE).withToken("t9").from(HOME_US).at(T0.plus(Duration.ofHours(3))));
    syncFolders(
        VPS_NL, T0.plus(Duration.ofHours(3)).plusSeconds(60), Duration.ofMinutes(10), 60, "t2");

    assertThat(alerts).extracting(Alert::getAlertId).doesNotHaveDuplicates().hasSize(2);
  }

  @Test
  void ignoresBindsAndRecordsWithoutANetwork() {
    for (int i = 0; i < 200; i++) {
      feed(mailBind(ALICE).items(40).withToken("t1").from(VPS_NL).at(T0.plusSeconds(i)));
      feed(
          mailSync(ALICE, 5)
              .withToken("t1")
              .from(new Net(null, null, null, null))
              .at(T0.plusSeconds(i)));
    }

    assertThat(alerts).isEmpty();
  }

  @Test
  void forgetsTheStalestNetworkBeyondItsBound() {
    ForeignMailboxSyncRule small =
        new ForeignMailboxSyncRule(
            ForeignMailboxSyncSettings.of(
                Map.of(ForeignMailboxSyncSettings.NETWORKS_PER_ACCOUNT, 2)));
    ForeignMailboxSyncState bounded = small.newState();
    small.evaluate(bounded, signIn(ALICE).interactive().from(HOME_US).at(T0));
    small.evaluate(bounded, signIn(ALICE).interactive().from(OFFICE_US).at(T0.plusSeconds(60)));
    small.evaluate(bounded, signIn(ALICE).interactive().from(VPN_US).at(T0.plusSeconds(120)));
    small.evaluate(bounded, signIn(ALICE).interactive().from(OFFICE_US).at(T0.plusSeconds(180)));

    assertThat(bounded.ownNetworks).containsOnlyKeys(7018L, 53813L);
  }

  @Test
  void keepsNoStateForAccountsThatNeitherSignInInteractivelyNorSyncAbroad() {
    feed(signIn(ALICE).withToken("t1").from(HOME_US).at(T0)); // non-interactive
    feed(mailBind(ALICE).items(5).withToken("t1").from(HOME_US).at(T0.plusSeconds(10)));

    assertThat(rule.isEmpty(state)).isTrue();
    assertThat(rule.codec().decode(rule.codec().encode(state)).isEmpty()).isTrue();
  }

  /** {@code folders} one-folder Sync records spread over {@code span} from {@code net}. */
  private void syncFolders(Net net, Instant start, Duration span, int folders, String uti) {
    long step = Math.max(1, span.toMillis() / folders);
    for (int i = 0; i < folders; i++) {
      feed(
          mailSync(ALICE, 1)
              .withToken(uti)
              .inSession("s1")
              .from(net)
              .at(start.plusMillis(step * i)));
    }
  }

  private void feed(AuditEvent event) {
    alerts.addAll(rule.evaluate(state, event));
  }
}
