package io.stormwatch.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.sim.scenario.stage.ScenarioNetworks;
import io.stormwatch.sim.world.Ipv4Prefix;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.NetworkCatalogue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenarioNetworksTest {

  @Test
  void scenarioNetworksOverlapNoNetworkOfTheCatalogue() {
    for (Network scenario : ScenarioNetworks.all()) {
      for (Ipv4Prefix prefix : scenario.prefixes()) {
        for (Network other : NetworkCatalogue.standard().all()) {
          for (Ipv4Prefix theirs : other.prefixes()) {
            boolean overlap = prefix.base() <= theirs.last() && theirs.base() <= prefix.last();
            assertThat(overlap).as("%s overlaps %s", prefix, theirs).isFalse();
          }
        }
      }
    }
  }

  @Test
  void addressesStayInsideTheirNetwork() {
    SplittableRandom rng = new SplittableRandom(3);
    for (Network network : ScenarioNetworks.all()) {
      for (int i = 0; i < 100; i++) {
        assertThat(ScenarioRecords.networkOf(network.randomAddress(rng))).isEqualTo(network);
      }
    }
  }
}
