package io.stormwatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.pipeline.DetectorPacing;
import io.stormwatch.cli.pipeline.EmbeddedPipeline;
import io.stormwatch.cli.scoring.ScoreReport;
import io.stormwatch.cli.scoring.Scorer;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.ipintel.IpIntelligence;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.SimulationStats;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.traffic.publish.EventTimeLockstep;
import io.stormwatch.traffic.publish.RawTopicNames;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Simulator to detector to alerts on a real embedded KRaft broker with exactly-once: every injected
 * attack is detected and nothing else fires.
 */
class SimulatedAttacksIT {

  @Test
  void detectsEveryInjectedAttackAndNothingElse() throws Exception {
    SimulationSettings settings =
        SimulationSettings.builder(Instant.parse("2026-03-03T06:00:00Z"))
            .seed(7)
            .tenants(3)
            .usersPerTenant(30)
            .duration(Duration.ofHours(7))
            .build();
    TenantSimulator simulator = new TenantSimulator(settings);

    try (EmbeddedPipeline pipeline =
        EmbeddedPipeline.start(
            // The fixed start lies further back than the default 180-day retention: keep it.
            Map.of(
                StormwatchConfig.APPLICATION_ID, "simulated-attacks-it",
                StormwatchConfig.TOPIC_RETENTION, "36500d"),
            IpIntelligence.loadBundled(),
            alert -> {})) {
      var topics = pipeline.config().topics();
      SimulationStats stats;
      try (var publisher =
          RawTopicPublisher.connect(
              pipeline.bootstrapServers(),
              new RawTopicNames(topics.ualRaw(), topics.signInRaw()),
              Map.of(),
              sent -> {},
              1000)) {
        DetectorPacing pacing = pipeline.pacing(publisher::sent);
        stats =
            simulator.run(
                new EventTimeLockstep<>(
                    publisher::send,
                    () -> {
                      publisher.flush();
                      pacing.run();
                    },
                    SimulatedRecord::eventTime,
                    EventTimeLockstep.DEFAULT_STEP));
        publisher.flush();
      }
      pipeline.awaitDrained(Duration.ofMinutes(5), lag -> {});

      ScoreReport score =
          Scorer.score(pipeline.alerts().allRevisions(), simulator.groundTruth().attacks());

      assertThat(simulator.groundTruth().unplaced()).isEmpty();
      assertThat(simulator.groundTruth().attacks()).hasSize(9);
      assertThat(score.scenarios())
          .allSatisfy(o -> assertThat(o.alerted()).as(o.scenario().id()).isTrue());
      assertThat(score.unmatchedAlerts()).isEmpty();
      assertThat(score.scenarios()).allSatisfy(o -> assertThat(o.scenario().accounts()).hasSize(1));
      long normalised = pipeline.count(topics.events());
      long deadLetters = pipeline.count(topics.deadLetters());
      assertThat(deadLetters).isZero();
      assertThat(normalised).isEqualTo(stats.records());
      assertThat(pipeline.count(topics.late())).isZero();
    }
  }
}
