package io.stormwatch.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosPlanTest {

  @Test
  void theSameSeedGivesTheSamePlan() {
    assertThat(ChaosPlan.crash(7, 1, 10, true)).isEqualTo(ChaosPlan.crash(7, 1, 10, true));
    assertThat(ChaosPlan.crash(7, 1, 10, true)).isNotEqualTo(ChaosPlan.crash(8, 1, 10, true));
  }

  @Test
  void spreadsTheFaultsOverTheInputOneAfterAnother() {
    ChaosPlan plan = ChaosPlan.crash(42, 1, 10, true);

    assertThat(plan.faults()).hasSize(11);
    assertThat(plan.count(Fault.Kind.KILL_AND_RESTART)).isEqualTo(10);
    assertThat(plan.count(Fault.Kind.BROKER_RESTART)).isEqualTo(1);
    List<Double> places = plan.faults().stream().map(Fault::atProgress).toList();
    assertThat(places).isSorted().allSatisfy(p -> assertThat(p).isBetween(0.05, 0.90));
    assertThat(plan.faults()).allSatisfy(f -> assertThat(f.delay().toMillis()).isBetween(0L, 200L));
  }

  @Test
  void scalingOutJoinsAThirdInstanceThenStopsOneAndKillsAnother() {
    ChaosPlan plan = ChaosPlan.scaleOut(3, 2, false);

    assertThat(plan.initialInstances()).isEqualTo(2);
    assertThat(plan.instancesStarted()).isEqualTo(3);
    assertThat(plan.faults())
        .extracting(Fault::kind)
        .filteredOn(kind -> kind != Fault.Kind.KILL_AND_RESTART)
        .containsExactly(Fault.Kind.JOIN, Fault.Kind.STOP, Fault.Kind.KILL);
    assertThat(plan.count(Fault.Kind.KILL_AND_RESTART)).isEqualTo(2);
  }

  @Test
  void refusesNegativeKillsAndNoInstance() {
    assertThatThrownBy(() -> ChaosPlan.crash(1, 1, -1, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChaosPlan.crash(1, 0, 1, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
