package io.stormwatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogSamplerTest {

  private static final Duration OFTEN = Duration.ofMillis(5);

  @Test
  void reportsTheLargestBacklogAndWhenItWasSampled() throws InterruptedException {
    Iterator<Long> backlogs = List.of(10L, 3_000L, 20L, 30L, 40L).iterator();
    BacklogSampler.Figures figures;
    try (BacklogSampler sampler =
        BacklogSampler.start(() -> backlogs.hasNext() ? backlogs.next() : 0L, OFTEN)) {
      await().until(() -> sampler.figures().samples() >= 5);
      figures = sampler.figures();
    }

    assertThat(figures.maxRecords()).isEqualTo(3_000);
    // the second sample: one interval or more after the first, taken at the start
    assertThat(figures.maxAtSeconds()).isGreaterThanOrEqualTo(OFTEN.toNanos() / 1e9);
    assertThat(figures.medianRecords()).isLessThanOrEqualTo(30);
  }

  @Test
  void saysWhenTheBacklogCouldNotBeRead() throws InterruptedException {
    try (BacklogSampler sampler =
        BacklogSampler.start(
            () -> {
              throw new IllegalStateException("broker gone");
            },
            OFTEN)) {
      await()
          .untilAsserted(
              () ->
                  assertThatThrownBy(sampler::figures)
                      .isInstanceOf(IllegalStateException.class)
                      .hasMessageContaining("broker gone"));
    }
  }
}
