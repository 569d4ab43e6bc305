package io.stormwatch.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.sim.attack.AttackPlanner;
import io.stormwatch.sim.scenario.ScenarioType;
import io.stormwatch.sim.world.PopulationMix;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

  private static final Instant START = Instant.parse("2026-03-10T08:00:00Z");

  @Test
  void defaultsAreTheDocumentedOnes() {
    SimulationSettings settings = SimulationSettings.defaults(START);

    assertThat(settings.seed()).isEqualTo(42);
    assertThat(settings.tenants()).isEqualTo(5);
    assertThat(settings.usersPerTenant()).isEqualTo(30);
    assertThat(settings.duration()).isEqualTo(Duration.ofHours(8));
    assertThat(settings.end()).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
    assertThat(settings.attackTypes()).containsExactlyElementsOf(AttackPlanner.ATTACKS);
    assertThat(settings.attacksPerType()).isEqualTo(1);
    assertThat(settings.attackWarmUp()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void populationSharesCanBeSetOneByOne() {
    SimulationSettings settings =
        SimulationSettings.builder(START).heavyReaderShare(0.2).mobileShare(0.5).build();

    assertThat(settings.population()).isEqualTo(new PopulationMix(0.2, 0.5, 0.30, 0.05));
  }

  @Test
  void shortRunsWarmUpForAQuarterOfTheirDuration() {
    SimulationSettings settings =
        SimulationSettings.builder(START).duration(Duration.ofHours(2)).build();

    assertThat(settings.attackWarmUp()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void theCallerMustChooseTheStart() {
    assertThatThrownBy(() -> SimulationSettings.builder(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("start is required");
  }

  @Test
  void outOfRangeValuesAreRejectedWithWhatToFix() {
    assertThatThrownBy(() -> SimulationSettings.builder(START).tenants(0).build())
        .hasMessageContaining("tenants must be 1..");
    assertThatThrownBy(() -> SimulationSettings.builder(START).duration(Duration.ZERO).build())
        .hasMessageContaining("duration must be positive");
    assertThatThrownBy(
            () ->
                SimulationSettings.builder(START)
                    .duration(Duration.ofHours(1))
                    .attackWarmUp(Duration.ofHours(2))
                    .build())
        .hasMessageContaining("attackWarmUp must be at least 0 and shorter than duration");
    assertThatThrownBy(() -> new PopulationMix(0.1, 0.7, 0.5, 0))
        .hasMessageContaining("mobileShare + owaShare must not exceed 1");
    assertThatThrownBy(() -> SimulationSettings.builder(START).eveningShare(1.5).build())
        .hasMessageContaining("eveningShare must be between 0 and 1");
  }

  @Test
  void attackTypesKeepEnumOrderAndCannotBeChangedAfterwards() {
    SimulationSettings settings =
        SimulationSettings.builder(START)
            .attackTypes(Set.of(ScenarioType.MASS_MAIL_READ, ScenarioType.TOKEN_REPLAY_VPS))
            .build();

    assertThat(settings.attackTypes())
        .containsExactly(ScenarioType.TOKEN_REPLAY_VPS, ScenarioType.MASS_MAIL_READ);
    assertThatThrownBy(() -> settings.attackTypes().add(ScenarioType.FORGED_TOKEN_BULK_REST))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(settings.toBuilder().build()).isEqualTo(settings);
    assertThat(SimulationSettings.builder(START).noAttacks().build().attackTypes()).isEmpty();
    assertThat(EnumSet.copyOf(settings.attackTypes())).hasSize(2);
  }
}
