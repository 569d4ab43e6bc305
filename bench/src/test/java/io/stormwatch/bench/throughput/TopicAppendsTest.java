package io.stormwatch.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TopicAppendsTest {

  private static final TopicPartition EVENTS_0 = new TopicPartition("audit.events", 0);
  private static final TopicPartition EVENTS_1 = new TopicPartition("audit.events", 1);
  private static final TopicPartition CHANGELOG_0 = new TopicPartition("app-store-changelog", 0);

  @Test
  void countsWhatEachTopicGrewByAndNewPartitionsInFull() {
    Map<TopicPartition, Long> before = Map.of(EVENTS_0, 100L, EVENTS_1, 40L);
    Map<TopicPartition, Long> after = Map.of(EVENTS_0, 130L, EVENTS_1, 42L, CHANGELOG_0, 25L);

    assertThat(TopicAppends.appendedBetween(before, after))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("audit.events", 32L, "app-store-changelog", 25L));
  }

  @Test
  void leavesOutTopicsNothingWasAppendedTo() {
    Map<TopicPartition, Long> ends = Map.of(EVENTS_0, 100L);

    assertThat(TopicAppends.appendedBetween(ends, ends)).isEmpty();
  }
}
