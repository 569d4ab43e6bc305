package io.stormwatch.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RawReadPhaseTest {

  @Test
  void dealsPartitionsRoundRobinToTheConsumers() {
    assertThat(RawReadPhase.deal(List.of(1, 2, 3, 4, 5), 2))
        .containsExactly(List.of(1, 3, 5), List.of(2, 4));
  }

  @Test
  void neverStartsAConsumerWithoutPartitions() {
    assertThat(RawReadPhase.deal(List.of(1, 2), 4)).containsExactly(List.of(1), List.of(2));
  }
}
