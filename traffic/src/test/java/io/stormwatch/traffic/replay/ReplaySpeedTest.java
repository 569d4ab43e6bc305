package io.stormwatch.traffic.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplaySpeedTest {

  @Test
  void readsFactorsAndMax() {
    assertThat(ReplaySpeed.parse("1x").factor()).isEqualTo(1.0);
    assertThat(ReplaySpeed.parse("60x").factor()).isEqualTo(60.0);
    assertThat(ReplaySpeed.parse("0.5X").factor()).isEqualTo(0.5);
    assertThat(ReplaySpeed.parse("3600").factor()).isEqualTo(3600.0);
    assertThat(ReplaySpeed.parse("max").isMax()).isTrue();
  }

  @Test
  void printsAsItIsWritten() {
    assertThat(ReplaySpeed.parse("60x")).hasToString("60x");
    assertThat(ReplaySpeed.MAX).hasToString("max");
  }

  @Test
  void refusesWhatIsNotAPositiveSpeed() {
    for (String bad : new String[] {"fast", "0x", "-2x", "x", "NaNx", "Infinityx"}) {
      assertThatThrownBy(() -> ReplaySpeed.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a speed");
    }
  }
}
