package io.stormwatch.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioSetTest {

  @Test
  void readsANamedSet() {
    assertThat(ScenarioSet.parse("CI").instances()).hasSize(ScenarioType.values().length);
    assertThat(ScenarioSet.parse("standard").instances().values()).containsOnly(2);
  }

  @Test
  void readsAListOfScenariosWithCounts() {
    ScenarioSet set = ScenarioSet.parse("token-replay-vps, corporate-vpn-switch*2");
    assertThat(set.instances())
        .containsEntry(ScenarioType.TOKEN_REPLAY_VPS, 1)
        .containsEntry(ScenarioType.CORPORATE_VPN_SWITCH, 2)
        .hasSize(2);
  }

  @Test
  void namesTheKnownScenariosWhenOneIsUnknown() {
    assertThatThrownBy(() -> ScenarioSet.parse("token-replay-vps,teleport"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'teleport'")
        .hasMessageContaining("signin-feed-lag");
  }

  @Test
  void refusesADayWithoutWorkingDaysAroundIt() {
    assertThatThrownBy(
            () -> new ScenarioSettings(1, ScenarioSet.ci(), java.time.LocalDate.of(2026, 3, 6), 21))
        .hasMessageContaining("FRIDAY");
  }

  @Test
  void aSmallSetStillPlaysOnlyWhatItNames() {
    ScenarioRun run =
        new ScenarioRun(
            ScenarioSettings.of(5, ScenarioSet.parse("signin-feed-lag,mass-mail-read")));
    assertThat(run.labels())
        .extracting(ScenarioLabel::id)
        .containsExactly("mass-mail-read-contoso-1", "signin-feed-lag-northwind-1");
  }
}
