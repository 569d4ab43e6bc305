package io.stormwatch.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DetectorPacingTest {

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong lag = new AtomicLong();
  private final DetectorPacing pacing = new DetectorPacing(sent::get, lag::get);

  private void step(long records) {
    sent.addAndGet(records);
    lag.set(0);
    pacing.run();
  }

  @Test
  void sparseTrafficMayRunAnHourOfStepsAheadButNoMore() {
    for (int i = 0; i < 20; i++) {
      step(3);
    }

    // 12 five-minute steps of 3 records: an hour, not the 500 records a count-based bound allows
    assertThat(pacing.allowedLag()).isEqualTo(36);
  }

  @Test
  void denseTrafficMayRunTwoStepsAhead() {
    for (int i = 0; i < 20; i++) {
      step(400);
    }

    assertThat(pacing.allowedLag()).isEqualTo(800);
  }

  @Test
  void theLooseBoundStopsAtFewRecords() {
    for (int i = 0; i < 20; i++) {
      step(100);
    }

    // two steps are 200 records; twelve would be 1,200, more than the 500 the loose bound allows
    assertThat(pacing.allowedLag()).isEqualTo(DetectorPacing.FEW_RECORDS);
  }

  @Test
  void theFirstStepsCountOnlyWhatWasSent() {
    step(7);

    assertThat(pacing.allowedLag()).isEqualTo(7);
  }

  @Test
  void waitsUntilTheDetectorIsWithinTheAllowedLag() {
    step(10);
    sent.addAndGet(10);
    AtomicLong looks = new AtomicLong();
    DetectorPacing waiting =
        new DetectorPacing(sent::get, () -> looks.incrementAndGet() < 3 ? 50 : 20);

    waiting.run();

    assertThat(looks.get()).isEqualTo(3);
  }
}
