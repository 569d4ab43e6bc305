package io.stormwatch.cli.evaluation;

import static io.stormwatch.cli.scoring.Scenarios.T0;
import static io.stormwatch.cli.scoring.Scenarios.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.scoring.Scenarios;
import io.stormwatch.cli.scoring.Scorer;
import io.stormwatch.sim.scenario.ScenarioLabel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationTableTest {

  private final ScenarioLabel replay =
      Scenarios.attack("replay-1", Set.of("token-replay"), Set.of(), "alice@contoso.com");
  private final ScenarioLabel vpn = Scenarios.trap("vpn-1", "carol@contoso.com");

  @Test
  void printsARowPerRuleAndALinePerScenario() {
    String table =
        EvaluationTable.render(
            Scorer.score(
                List.of(
                    alert("a1").on("alice@contoso.com").to(T0.plusSeconds(130)).build(),
                    alert("a2").on("carol@contoso.com").build()),
                List.of(replay, vpn)));

    assertThat(table)
        .containsPattern("token-replay +1 +1 +0 +0 +0.50 +1.00 +2m 10s")
        .containsPattern("orphan-token +0 +0 +0 +0 +n/a +n/a +-")
        .containsPattern("replay-1 +attack +detected +token-replay x1 in 2m 10s \\[token-replay\\]")
        .containsPattern("vpn-1 +trap +NOISY +token-replay x1 \\(!\\)")
        .contains("alerts about no scenario: 0 of 2");
  }

  @Test
  void saysWhatAMissedAttackLacked() {
    String table = EvaluationTable.render(Scorer.score(List.of(), List.of(replay)));

    assertThat(table).containsPattern("replay-1 +attack +MISSED +nothing; missing token-replay");
  }

  @Test
  void writesDurationsTheWayPeopleReadThem() {
    assertThat(EvaluationTable.duration(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(EvaluationTable.duration(Duration.ofSeconds(250))).isEqualTo("4m 10s");
    assertThat(EvaluationTable.duration(Duration.ofMinutes(125))).isEqualTo("2h 05m");
    assertThat(EvaluationTable.duration(Duration.ofSeconds(-90))).isEqualTo("-1m 30s");
  }
}
