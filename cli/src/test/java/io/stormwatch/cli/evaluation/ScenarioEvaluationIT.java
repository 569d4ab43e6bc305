package io.stormwatch.cli.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.scoring.ScoreReport;
import io.stormwatch.cli.scoring.Scorer;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.sim.scenario.ScenarioRun;
import io.stormwatch.sim.scenario.ScenarioSet;
import io.stormwatch.sim.scenario.ScenarioSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of the CI set once, through the real pipeline on an embedded KRaft broker: each
 * rule must catch every attack that requires it (recall 1.0) and stay quiet on the benign traps
 * (precision at least 0.95). On failure the message holds the whole evaluation table.
 */
class ScenarioEvaluationIT {

  @Test
  void everyRuleCatchesEveryAttackAndStaysQuietOnTheBenignTraps() throws Exception {
    ScenarioRun run = new ScenarioRun(ScenarioSettings.of(42, ScenarioSet.ci()));

    ScenarioReplay.Outcome pipeline =
        ScenarioReplay.play(
            run,
            Map.of(StormwatchConfig.APPLICATION_ID, "scenario-evaluation-it"),
            IpIntelligence.loadBundled(),
            Duration.ofMinutes(5),
            acknowledged -> {});
    ScoreReport report = Scorer.score(pipeline.revisions(), run.labels());

    String table = pipeline.summary() + System.lineSeparator() + EvaluationTable.render(report);
    System.out.println(table);
    assertThat(pipeline.published()).isEqualTo(run.recordCount());
    assertThat(pipeline.deadLetters())
        .as("scenario records the normaliser rejected%n%s", table)
        .isZero();
    assertThat(QualityBar.CI.shortfalls(report))
        .as("rules below recall 1.0 or precision 0.95%n%s", table)
        .isEmpty();
  }
}
