package io.stormwatch.detector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreProgressTest {

  private static final TopicPartition STATE_0 =
      new TopicPartition("app-account-state-changelog", 0);
  private static final TopicPartition STATE_1 =
      new TopicPartition("app-account-state-changelog", 1);

  private final RestoreProgress progress = new RestoreProgress(List.of("account-state", "dedupe"));

  @Test
  void followsEachPartitionFromStartThroughItsBatchesToItsEnd() {
    progress.onRestoreStart(STATE_0, "account-state", 100, 400);
    progress.onRestoreStart(STATE_1, "account-state", 0, 50);
    progress.onBatchRestored(STATE_0, "account-state", 200, 100);

    assertThat(progress.partitionsRestoring()).isEqualTo(2);
    assertThat(progress.restored("account-state")).isEqualTo(100);
    assertThat(progress.remaining("account-state")).isEqualTo(200 + 50);

    progress.onBatchRestored(STATE_1, "account-state", 50, 50);
    progress.onRestoreEnd(STATE_1, "account-state", 50);

    assertThat(progress.partitionsRestoring()).isEqualTo(1);
    assertThat(progress.restored("account-state")).isEqualTo(150);
    assertThat(progress.remaining("account-state")).isEqualTo(200);
  }

  @Test
  void dropsWhatIsLeftOfARestoreWhenItsTaskMovesAway() {
    progress.onRestoreStart(STATE_0, "account-state", 0, 1_000);
    progress.onBatchRestored(STATE_0, "account-state", 10, 10);

    progress.onRestoreSuspended(STATE_0, "account-state", 10);

    assertThat(progress.partitionsRestoring()).isZero();
    assertThat(progress.remaining("account-state")).isZero();
    assertThat(progress.restored("account-state")).isEqualTo(10);
  }

  @Test
  void neverReportsLessThanNothingLeftWhenMarkersMadeTheEstimateLow() {
    progress.onRestoreStart(STATE_0, "account-state", 0, 10);
    progress.onBatchRestored(STATE_0, "account-state", 12, 12);

    assertThat(progress.remaining("account-state")).isZero();
  }

  @Test
  void exportsEveryStoreAtZeroBeforeAnyRestore() {
    var registry = new SimpleMeterRegistry();
    progress.bindTo(registry);

    assertThat(
            registry
                .get("stormwatch.restore.remaining.records")
                .tag("store", "dedupe")
                .gauge()
                .value())
        .isZero();
    progress.onRestoreStart(STATE_0, "account-state", 0, 30);
    progress.onBatchRestored(STATE_0, "account-state", 10, 10);
    assertThat(
            registry
                .get("stormwatch.restore.restored.records")
                .tag("store", "account-state")
                .functionCounter()
                .count())
        .isEqualTo(10);
    assertThat(registry.get("stormwatch.restore.partitions").gauge().value()).isEqualTo(1);
  }
}
