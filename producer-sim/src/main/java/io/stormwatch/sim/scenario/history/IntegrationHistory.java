package io.stormwatch.sim.scenario.history;

import io.stormwatch.sim.event.SimEvent;
import io.stormwatch.sim.random.Seeds;
import io.stormwatch.sim.scenario.ScenarioStreams;
import io.stormwatch.sim.scenario.stage.ServiceIntegration;
import io.stormwatch.sim.scenario.stage.Stage;
import io.stormwatch.sim.world.Tenant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

/** An integration's nightly batch, every day of the history: one token, one hour, two workers. */
final class IntegrationHistory {

  private final Stage stage;

  IntegrationHistory(Stage stage) {
    this.stage = stage;
  }

  void generate(Tenant tenant, ServiceIntegration integration, List<SimEvent> out) {
    for (LocalDate day = stage.firstHistoryDay();
        day.isBefore(stage.day());
        day = day.plusDays(1)) {
      SplittableRandom rng =
          Seeds.stream(
              Seeds.derive(tenant.seed(), integration.app().appId().hashCode()),
              ScenarioStreams.INTEGRATION_DAY,
              day.toEpochDay());
      var start =
          ZonedDateTime.of(day, LocalTime.of(2, 0), tenant.zone())
              .toInstant()
              .plusSeconds(rng.nextInt(1800));
      IntegrationActivity.run(tenant, integration, start, Duration.ofMinutes(50), 2, rng, out);
    }
  }
}
