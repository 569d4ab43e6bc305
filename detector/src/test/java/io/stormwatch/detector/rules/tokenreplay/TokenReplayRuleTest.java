package io.stormwatch.detector.rules.tokenreplay;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.CARRIER_US;
import static io.stormwatch.detector.testing.Events.HOME_US;
import static io.stormwatch.detector.testing.Events.MICROSOFT;
import static io.stormwatch.detector.testing.Events.OFFICE_US;
import static io.stormwatch.detector.testing.Events.VPN_US;
import static io.stormwatch.detector.testing.Events.VPS_NL;
import static io.stormwatch.detector.testing.Events.VPS_US;
import static io.stormwatch.detector.testing.Events.mailBind;
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

class TokenReplayRuleTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final TokenReplayRule rule = new TokenReplayRule(TokenReplaySettings.of(Map.of()));

  @Test
  void firesWhenOneTokenIsUsedFromTwoNetworks() {
    List<Alert> alerts =
        run(
            signIn(ALICE).withToken("uti-1").from(HOME_US).at(T0),
            mailBind(ALICE).withToken("uti-1").from(HOME_US).at(T0.plusSeconds(60)),
            mailBind(ALICE).withToken("uti-1").from(VPS_US).at(T0.plusSeconds(600)));

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0);
    assertThat(alert.getRuleId()).isEqualTo("token-replay");
    assertThat(alert.getRevision()).isEqualTo(1);
    assertThat(alert.getSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.getAccountId()).isEqualTo(ALICE);
    assertThat(alert.getEvidence().getAsns()).containsExactly(7922L, 14061L);
    assertThat(alert.getEvidence().getIps()).containsExactlyInAnyOrder(HOME_US.ip(), VPS_US.ip());
    assertThat(alert.getEvidence().getTokenIds()).containsExactly("uti-1");
    assertThat(alert.getEvidence().getEventCount()).isEqualTo(3);
    assertThat(alert.getFirstEventTime()).isEqualTo(T0);
    assertThat(alert.getLastEventTime()).isEqualTo(T0.plusSeconds(600));
    assertThat(alert.getAttackTechniques()).contains("T1550.001");
    assertThat(alert.getSummary()).contains(ALICE).contains("AS7922").contains("AS14061");
  }

  @Test
  void staysQuietWhenAMobileUserHopsIpsInsideOneCarrier() {
    List<AuditEvent> hops = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      hops.add(
          mailBind(ALICE)
              .withToken("uti-mobile")
              .from(CARRIER_US.at("172.56.20." + (10 + i)))
              .at(T0.plus(Duration.ofMinutes(5L * i))));
    }

    assertThat(run(hops.toArray(AuditEvent[]::new))).isEmpty();
  }

  @Test
  void doesNotCountMicrosoftsOwnEgressAsANetwork() {
    assertThat(
            run(
                mailBind(ALICE).withToken("uti-1").from(HOME_US).at(T0),
                mailBind(ALICE).withToken("uti-1").from(MICROSOFT).at(T0.plusSeconds(30))))
        .isEmpty();
  }

  @Test
  void raisesTheSeverityWhenTheNetworksAreInTwoCountries() {
    var noTravelCheck =
        new TokenReplayRule(TokenReplaySettings.of(Map.of(TokenReplaySettings.MIN_TRAVEL, "0s")));
    TokenReplayState state = noTravelCheck.newState();
    noTravelCheck.evaluate(state, mailBind(ALICE).withToken("uti-1").from(HOME_US).at(T0));
    List<Alert> alerts =
        noTravelCheck.evaluate(
            state, mailBind(ALICE).withToken("uti-1").from(VPS_NL).at(T0.plusSeconds(30)));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(a.getEvidence().getCountries()).containsExactly("NL", "US");
            });
  }

  @Test
  void reportsTwoCountriesMinutesApartAsImpossibleTravel() {
    List<Alert> alerts =
        run(
            mailBind(ALICE).withToken("uti-1").from(HOME_US).at(T0),
            mailBind(ALICE).withToken("uti-1").from(VPS_NL).at(T0.plus(Duration.ofMinutes(20))));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
              assertThat(a.getSummary()).contains("impossible travel");
            });
  }

  @Test
  void staysQuietWhenTheSecondNetworkIsTheTenantsOwnVpn() {
    assertThat(
            run(
                signIn(ALICE).interactive().withToken("uti-0").from(HOME_US).at(T0),
                mailBind(ALICE).withToken("uti-1").from(HOME_US).at(T0.plusSeconds(60)),
                mailBind(ALICE)
                    .withToken("uti-1")
                    .from(VPN_US)
                    .networkUsedByTenantAccounts(12)
                    .at(T0.plusSeconds(900))))
        .isEmpty();
  }

  @Test
  void staysQuietWhenBothNetworksAreTheAccountsOwn() {
    assertThat(
            run(
                signIn(ALICE).interactive().withToken("uti-0").from(HOME_US).at(T0),
                signIn(ALICE)
                    .interactive()
                    .withToken("uti-p")
                    .from(CARRIER_US)
                    .at(T0.plusSeconds(30)),
                mailBind(ALICE).withToken("uti-1").from(HOME_US).at(T0.plusSeconds(60)),
                mailBind(ALICE).withToken("uti-1").from(CARRIER_US).at(T0.plusSeconds(900))))
        .isEmpty();
  }

  @Test
  void firesWhenTheOtherNetworkIsForeignEvenThoughHomeIsKnown() {
    List<Alert> alerts =
        run(
            signIn(ALICE).interactive().withToken("uti-1").from(HOME_US).at(T0),
            mailBind(ALICE).withToken("uti-1").from(HOME_US).at(T0.plusSeconds(60)),
            mailBind(ALICE).withToken("uti-1").from(VPS_US).at(T0.plusSeconds(900)));

    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.getEvidence().getAsns()).containsExactly(7922L, 14061L));
  }

  @Test
  void treatsANetworkTheAccountHasUsedForADayAsItsOwn() {
    Instant dayTwo = T0.plus(Duration.ofDays(2));
    List<Alert> alerts =
        run(
            mailBind(ALICE).withToken("uti-old").from(CARRIER_US).at(T0),
            signIn(ALICE).interactive().withToken("uti-1").from(HOME_US).at(dayTwo),
            mailBind(ALICE).withToken("uti-1").from(CARRIER_US).at(dayTwo.plusSeconds(600)));

    assertThat(alerts).isEmpty();
  }

  @Test
  void neverTrustsANetworkThatCarriedAReplayedToken() {
    Instant dayTwo = T0.plus(Duration.ofDays(2));
    List<Alert> alerts =
        run(
            signIn(ALICE).interactive().withToken("uti-1").from(HOME_US).at(T0),
            mailBind(ALICE).withToken("uti-1").from(VPS_US).at(T0.plusSeconds(600)),
            signIn(ALICE).interactive().withToken("uti-2").from(HOME_US).at(dayTwo),
            mailBind(ALICE).withToken("uti-2").from(VPS_US).at(dayTwo.plusSeconds(600)));

    assertThat(alerts).hasSize(2).extracting(Alert::getAlertId).doesNotHaveDuplicates();
  }

  @Test
  void doesNotLearnANetworkFromANonInteractiveSignIn() {
    List<Alert> alerts =
        run(
            signIn(ALICE).interactive().withToken("uti-0").from(HOME_US).at(T0),
            signIn(ALICE).withToken("uti-1").from(VPS_US).at(T0.plusSeconds(30)),
            mailBind(ALICE).withToken("uti-1").from(HOME_US).at(T0.plusSeconds(60)));

    assertThat(alerts).hasSize(1);
  }

  @Test
  void revisesTheSameAlertWhenAThirdNetworkAppearsAndOnlyThen() {
    List<Alert> alerts =
        run(
            mailBind(ALICE).withToken("uti-1").from(HOME_US).at(T0),
            mailBind(ALICE).withToken("uti-1").from(VPS_US).at(T0.plusSeconds(60)),
            mailBind(ALICE)
                .withToken("uti-1")
                .from(VPS_US.at("159.203.4.10"))
                .at(T0.plusSeconds(120)),
            mailBind(ALICE).withToken("uti-1").from(OFFICE_US).at(T0.plusSeconds(180)));

    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1).getAlertId()).isEqualTo(alerts.get(0).getAlertId());
    assertThat(alerts.get(1).getRevision()).isEqualTo(2);
    assertThat(alerts.get(1).getEvidence().getAsns()).containsExactly(7018L, 7922L, 14061L);
  }

  @Test
  void forgetsTokenUsesOlderThanTheWindow() {
    assertThat(
            run(
                mailBind(ALICE).withToken("uti-1").from(HOME_US).at(T0),
                mailBind(ALICE).withToken("uti-1").from(VPS_US).at(T0.plus(Duration.ofHours(3)))))
        .isEmpty();
  }

  @Test
  void yieldsTheSameAlertWhateverOrderTheEventsArriveIn() {
    AuditEvent home = mailBind(ALICE).id("e-home").withToken("uti-1").from(HOME_US).at(T0);
    AuditEvent vps =
        mailBind(ALICE).id("e-vps").withToken("uti-1").from(VPS_NL).at(T0.plusSeconds(90));

    Alert inOrder = run(home, vps).get(0);
    Alert reversed = run(vps, home).get(0);

    assertThat(reversed).isEqualTo(inOrder);
  }

  @Test
  void usesTheSessionWhenTheRecordHasNoTokenId() {
    List<Alert> alerts =
        run(
            mailBind(ALICE).inSession("sess-9").from(HOME_US).at(T0),
            mailBind(ALICE).inSession("sess-9").from(VPS_NL).at(T0.plusSeconds(30)));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getEvidence().getSessionIds()).containsExactly("sess-9");
              assertThat(a.getSummary()).startsWith("One session");
            });
  }

  @Test
  void ignoresFailedSignIns() {
    assertThat(
            run(
                signIn(ALICE).withToken("uti-1").from(HOME_US).at(T0),
                signIn(ALICE)
                    .withToken("uti-1")
                    .from(VPS_NL)
                    .succeeded(false)
                    .at(T0.plusSeconds(5))))
        .isEmpty();
  }

  @Test
  void remembersAtMostTheConfiguredNumberOfTokens() {
    var small =
        new TokenReplayRule(TokenReplaySettings.of(Map.of(TokenReplaySettings.MAX_TOKENS, "3")));
    TokenReplayState state = small.newState();
    for (int i = 0; i < 10; i++) {
      small.evaluate(state, mailBind(ALICE).withToken("uti-" + i).at(T0.plusSeconds(i)));
    }

    assertThat(state.tokens.keySet()).containsExactly("uti:uti-7", "uti:uti-8", "uti:uti-9");
  }

  @Test
  void stateSurvivesItsCodec() {
    TokenReplayState state = rule.newState();
    rule.evaluate(state, mailBind(ALICE).withToken("uti-1").from(HOME_US).app("app-1").at(T0));
    rule.evaluate(state, mailBind(ALICE).withToken("uti-1").from(VPS_NL).at(T0.plusSeconds(5)));

    TokenReplayState decoded = rule.codec().decode(rule.codec().encode(state));

    assertThat(rule.codec().encode(decoded)).isEqualTo(rule.codec().encode(state));
    // A further network on the decoded state is a revision, not a new first alert.
    List<Alert> next =
        rule.evaluate(
            decoded, mailBind(ALICE).withToken("uti-1").from(OFFICE_US).at(T0.plusSeconds(9)));
    assertThat(next).singleElement().extracting(Alert::getRevision).isEqualTo(2);
  }

  private List<Alert> run(AuditEvent... events) {
    TokenReplayState state = rule.newState();
    List<Alert> alerts = new ArrayList<>();
    for (AuditEvent event : events) {
      alerts.addAll(rule.evaluate(state, event));
    }
    return alerts;
  }
}
