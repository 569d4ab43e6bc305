package io.stormwatch.cli.evaluation;

import static io.stormwatch.cli.scoring.Scenarios.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.scoring.Scenarios;
import io.stormwatch.cli.scoring.ScoreReport;
import io.stormwatch.cli.scoring.Scorer;
import io.stormwatch.sim.scenario.ScenarioLabel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QualityBarTest {

  private final ScenarioLabel replay =
      Scenarios.attack(
          "token-replay-vps-fabrikam-1", Set.of("token-replay"), Set.of(), "alice@contoso.com");
  private final ScenarioLabel vpn =
      Scenarios.trap("corporate-vpn-switch-fabrikam-1", "carol@contoso.com");

  @Test
  void namesTheMissedAttackWhenRecallFallsShort() {
    ScoreReport report = Scorer.score(List.of(), List.of(replay, vpn));

    assertThat(QualityBar.CI.shortfalls(report))
        .containsExactly("token-replay: recall 0.00 < 1.00, missed token-replay-vps-fabrikam-1");
  }

  @Test
  void namesTheNoisyTrapWhenPrecisionFallsShort() {
    ScoreReport report =
        Scorer.score(
            List.of(
                alert("a1").on("alice@contoso.com").build(),
                alert("a2").on("carol@contoso.com").build()),
            List.of(replay, vpn));

    assertThat(QualityBar.CI.shortfalls(report))
        .containsExactly(
            "token-replay: precision 0.50 < 0.95, 1 false alerts (on corporate-vpn-switch-fabrikam-1;"
                + " 0 about no scenario)");
  }

  @Test
  void passesWhenEveryAttackIsCaughtAndNothingElseFires() {
    ScoreReport report =
        Scorer.score(List.of(alert("a1").on("alice@contoso.com").build()), List.of(replay, vpn));

    assertThat(QualityBar.CI.shortfalls(report)).isEmpty();
  }
}
