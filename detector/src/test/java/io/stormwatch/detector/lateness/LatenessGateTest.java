package io.stormwatch.detector.lateness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatenessGateTest {

  private final LatenessGate gate = new LatenessGate(Duration.ofHours(2));
  private final long hour = Duration.ofHours(1).toMillis();

  @Test
  void anAccountsFirstEventIsNeverLate() {
    assertThat(gate.isLate(LatenessGate.NO_WATERMARK, Long.MIN_VALUE + 1)).isFalse();
  }

  @Test
  void lateMeansOlderThanTheWatermarkMinusTheGrace() {
    long watermark = 10 * hour;

    assertThat(gate.isLate(watermark, 8 * hour)).isFalse();
    assertThat(gate.isLate(watermark, 8 * hour - 1)).isTrue();
    assertThat(gate.isLate(watermark, 11 * hour)).isFalse();
  }

  @Test
  void theWatermarkOnlyMovesForward() {
    assertThat(LatenessGate.advance(5, 7)).isEqualTo(7);
    assertThat(LatenessGate.advance(7, 5)).isEqualTo(7);
    assertThat(LatenessGate.advance(LatenessGate.NO_WATERMARK, 5)).isEqualTo(5);
  }
}
