package io.stormwatch.detector.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DetectorHealthTest {

  @ParameterizedTest
  @EnumSource(
      value = State.class,
      names = {"CREATED", "REBALANCING", "RUNNING", "PENDING_SHUTDOWN"})
  void isAliveWhileStartingRunningOrShuttingDown(State state) {
    assertThat(new DetectorHealth(state, 0).live()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = State.class,
      names = {"PENDING_ERROR", "ERROR", "NOT_RUNNING"})
  void isDeadOnceFailedOrStopped(State state) {
    assertThat(new DetectorHealth(state, 0).live()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = State.class, mode = EnumSource.Mode.EXCLUDE, names = "RUNNING")
  void isReadyOnlyWhenRunning(State state) {
    assertThat(new DetectorHealth(state, 0).ready()).isFalse();
    assertThat(new DetectorHealth(State.RUNNING, 0).ready()).isTrue();
  }

  @Test
  void isNotReadyWhileRestoringStateEvenWhenRunning() {
    DetectorHealth restoring = new DetectorHealth(State.RUNNING, 2);

    assertThat(restoring.ready()).isFalse();
    assertThat(restoring.live()).isTrue();
  }
}
