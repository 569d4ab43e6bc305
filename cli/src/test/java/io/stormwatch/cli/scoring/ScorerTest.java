package io.stormwatch.cli.scoring;

import static io.stormwatch.cli.scoring.Scenarios.T0;
import static io.stormwatch.cli.scoring.Scenarios.alert;
import static io.stormwatch.sim.scenario.DetectionRules.MAIL_BURST;
import static io.stormwatch.sim.scenario.DetectionRules.ORPHAN_TOKEN;
import static io.stormwatch.sim.scenario.DetectionRules.SIGNIN_COVERAGE_GAP;
import static io.stormwatch.sim.scenario.DetectionRules.TOKEN_REPLAY;
import static io.stormwatch.sim.scenario.DetectionRules.UNUSUAL_MAIL_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.sim.scenario.DetectionRules;
import io.stormwatch.sim.scenario.ScenarioLabel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorerTest {

  private final ScenarioLabel replay =
      Scenarios.attack("replay-1", Set.of(TOKEN_REPLAY), Set.of(), "alice@contoso.com");
  private final ScenarioLabel forged =
      Scenarios.attack(
          "forged-1",
          Set.of(ORPHAN_TOKEN),
          Set.of(MAIL_BURST, UNUSUAL_MAIL_CLIENT),
          "bob@contoso.com");
  private final ScenarioLabel vpn = Scenarios.trap("vpn-1", "carol@contoso.com");

  @Test
  void anAlertOfTheRequiredRuleOnTheAttackIsATruePositiveWithItsTimeToDetect() {
    Alert hit =
        alert("a1")
            .on("alice@contoso.com")
            .from(T0.plusSeconds(60))
            .to(T0.plusSeconds(240))
            .build();

    ScoreReport report = Scorer.score(List.of(hit), List.of(replay));

    RuleScore rule = report.rule(TOKEN_REPLAY).orElseThrow();
    assertThat(rule.truePositives()).isEqualTo(1);
    assertThat(rule.falsePositives()).isZero();
    assertThat(rule.precision()).hasValue(1.0);
    assertThat(rule.recall()).hasValue(1.0);
    assertThat(rule.medianTimeToDetect()).isEqualTo(Duration.ofMinutes(4));
    assertThat(report.scenarios().get(0).passed()).isTrue();
  }

  @Test
  void timeToDetectCountsFromTheFirstRevisionWhileMatchingUsesTheLatest() {
    Alert first =
        alert("a1")
            .on("alice@contoso.com")
            .from(T0.minusSeconds(7200))
            .to(T0.minusSeconds(7000))
            .build();
    Alert latest =
        alert("a1")
            .on("alice@contoso.com")
            .from(T0.minusSeconds(7200))
            .to(T0.plusSeconds(900))
            .revision(2)
            .build();

    ScoreReport report = Scorer.score(List.of(latest, first), List.of(replay));

    assertThat(report.alerts()).isEqualTo(1);
    assertThat(report.rule(TOKEN_REPLAY).orElseThrow().truePositives()).isEqualTo(1);
    assertThat(report.scenarios().get(0).timeToDetect())
        .containsEntry(TOKEN_REPLAY, Duration.ofSeconds(-7000));
  }

  @Test
  void anAlertOnABenignTrapIsAFalsePositiveAndMakesTheTrapNoisy() {
    Alert noise = alert("a2").on("carol@contoso.com").build();

    ScoreReport report = Scorer.score(List.of(noise), List.of(replay, vpn));

    RuleScore rule = report.rule(TOKEN_REPLAY).orElseThrow();
    assertThat(rule.falsePositives()).isEqualTo(1);
    assertThat(rule.falseNegatives()).isEqualTo(1);
    assertThat(rule.precision()).hasValue(0.0);
    assertThat(report.scenarios().get(1).unexpected()).containsExactly(TOKEN_REPLAY);
    assertThat(report.unmatchedAlerts()).isEmpty();
  }

  @Test
  void anAllowedRuleOnAnAttackIsToleratedAndCostsNoPrecision() {
    List<Alert> alerts =
        List.of(
            alert("o1").rule(ORPHAN_TOKEN).on("bob@contoso.com").build(),
            alert("m1").rule(MAIL_BURST).on("bob@contoso.com").build());

    ScoreReport report = Scorer.score(alerts, List.of(forged));

    assertThat(report.rule(MAIL_BURST).orElseThrow().toleratedAlerts()).isEqualTo(1);
    assertThat(report.rule(MAIL_BURST).orElseThrow().falsePositives()).isZero();
    assertThat(report.rule(MAIL_BURST).orElseThrow().precision()).isEmpty();
    assertThat(report.rule(ORPHAN_TOKEN).orElseThrow().precision()).hasValue(1.0);
    assertThat(report.scenarios().get(0).passed()).isTrue();
  }

  @Test
  void aRuleOnAnAttackThatNeitherRequiresNorAllowsItIsAFalsePositive() {
    Alert wrongRule = alert("u1").rule(UNUSUAL_MAIL_CLIENT).on("alice@contoso.com").build();

    ScoreReport report = Scorer.score(List.of(wrongRule), List.of(replay));

    assertThat(report.rule(UNUSUAL_MAIL_CLIENT).orElseThrow().falsePositives()).isEqualTo(1);
    assertThat(report.scenarios().get(0).unexpected()).containsExactly(UNUSUAL_MAIL_CLIENT);
    assertThat(report.scenarios().get(0).missing()).containsExactly(TOKEN_REPLAY);
  }

  @Test
  void anAlertAboutNoScenarioIsAFalsePositiveListedAsUnmatched() {
    Alert stray = alert("s1").on("dave@contoso.com").build();

    ScoreReport report = Scorer.score(List.of(stray), List.of(replay));

    assertThat(report.rule(TOKEN_REPLAY).orElseThrow().falsePositives()).isEqualTo(1);
    assertThat(report.unmatchedAlerts()).extracting(Alert::getAlertId).containsExactly("s1");
  }

  @Test
  void severalAlertsOnOneAttackDetectItOnce() {
    List<Alert> alerts =
        List.of(
            alert("a1").on("alice@contoso.com").build(),
            alert("a2")
                .on("alice@contoso.com")
                .from(T0.plusSeconds(600))
                .to(T0.plusSeconds(700))
                .build());

    RuleScore rule = Scorer.score(alerts, List.of(replay)).rule(TOKEN_REPLAY).orElseThrow();

    assertThat(rule.truePositives()).isEqualTo(1);
    assertThat(rule.falsePositives()).isZero();
    assertThat(report(alerts).scenarios().get(0).fired()).containsEntry(TOKEN_REPLAY, 2);
  }

  @Test
  void aTenantWideScenarioMatchesAlertsOnAnyAccountOfItsTenant() {
    ScenarioLabel blind =
        Scenarios.tenantWide("no-signins-1", Set.of(SIGNIN_COVERAGE_GAP), Scenarios.NORTHWIND);
    List<Alert> alerts =
        List.of(
            alert("g1").rule(SIGNIN_COVERAGE_GAP).tenant(Scenarios.NORTHWIND).on("").build(),
            alert("o1")
                .rule(ORPHAN_TOKEN)
                .tenant(Scenarios.NORTHWIND)
                .on("erin@northwind.com")
                .build(),
            alert("o2").rule(ORPHAN_TOKEN).on("erin@northwind.com").build());

    ScoreReport report = Scorer.score(alerts, List.of(blind));

    assertThat(report.rule(SIGNIN_COVERAGE_GAP).orElseThrow().truePositives()).isEqualTo(1);
    assertThat(report.rule(ORPHAN_TOKEN).orElseThrow().falsePositives()).isEqualTo(2);
    assertThat(report.scenarios().get(0).unexpected()).containsExactly(ORPHAN_TOKEN);
    assertThat(report.unmatchedAlerts()).extracting(Alert::getAlertId).containsExactly("o2");
  }

  @Test
  void rulesWithNothingToFindAndNothingFoundHaveNoRatios() {
    RuleScore rule = Scorer.score(List.of(), List.of(vpn)).rule(MAIL_BURST).orElseThrow();

    assertThat(rule.precision()).isEmpty();
    assertThat(rule.recall()).isEmpty();
    assertThat(rule.timeToDetect()).isEmpty();
  }

  @Test
  void listsEveryKnownRuleFirstThenAnyOtherThatAlerted() {
    ScoreReport report =
        Scorer.score(List.of(alert("x1").rule("legacy-rule").build()), List.of(replay));

    List<String> expected = new ArrayList<>(DetectionRules.ALL);
    expected.add("legacy-rule");
    assertThat(report.rules()).extracting(RuleScore::ruleId).containsExactlyElementsOf(expected);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(
            Scorer.median(
                List.of(
                    Duration.ofMinutes(9),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(3),
                    Duration.ofMinutes(5))))
        .isEqualTo(Duration.ofMinutes(4));
    assertThat(
            Scorer.median(
                List.of(Duration.ofMinutes(2), Duration.ofMinutes(7), Duration.ofMinutes(3))))
        .isEqualTo(Duration.ofMinutes(3));
    assertThat(Scorer.median(List.of())).isNull();
  }

  @Test
  void anAttackAnyAlertIsAboutHasAlertedEvenWhenItsRequiredRuleMissedIt() {
    // The demo's scoreboard counts such an attack as detected: here by a mail burst only.
    Alert burst = alert("b1").rule(MAIL_BURST).on("bob@contoso.com").build();

    ScenarioOutcome outcome = Scorer.score(List.of(burst), List.of(forged)).scenarios().get(0);

    assertThat(outcome.alerted()).isTrue();
    assertThat(outcome.alerts()).extracting(Alert::getAlertId).containsExactly("b1");
    assertThat(outcome.missing()).containsExactly(ORPHAN_TOKEN);
  }

  @Test
  void alertsOnAnotherAccountOrHoursAwayAreAboutNoAttack() {
    Alert elsewhere = alert("a2").on("dave@contoso.com").build();
    Alert later = alert("a3").from(T0.plusSeconds(3 * 3600)).to(T0.plusSeconds(4 * 3600)).build();

    ScoreReport report = Scorer.score(List.of(elsewhere, later), List.of(replay));

    assertThat(report.scenarios().get(0).alerted()).isFalse();
    assertThat(report.unmatchedAlerts()).extracting(Alert::getAlertId).containsExactly("a2", "a3");
  }

  private ScoreReport report(List<Alert> alerts) {
    return Scorer.score(alerts, List.of(replay));
  }
}
