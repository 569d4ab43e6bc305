package io.stormwatch.detector.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.detector.config.StormwatchConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

  @Test
  void keepsNoStandbyReplicasUnlessAsked() {
    var props = StreamsProperties.of(StormwatchConfig.defaults());

    assertThat(props).containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
  }

  @Test
  void handsStandbyReplicasToKafkaStreams() {
    var config = StormwatchConfig.from(Map.of(StormwatchConfig.STANDBY_REPLICAS, "1"));

    var props = StreamsProperties.of(config);

    assertThat(props).containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    assertThat(new StreamsConfig(props).getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG))
        .isEqualTo(1);
  }

  @Test
  void refusesANegativeNumberOfStandbyReplicas() {
    assertThatThrownBy(() -> StormwatchConfig.from(Map.of(StormwatchConfig.STANDBY_REPLICAS, "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("standby.replicas");
  }

  @Test
  void boundsTheStoresNativeMemoryByDefault() {
    var props = StreamsProperties.of(StormwatchConfig.defaults());

    assertThat(props)
        .containsEntry(
            StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName())
        .containsEntry(BoundedRocksDbMemory.BUDGET_BYTES, 256L * 1024 * 1024);
  }

  @Test
  void leavesRocksDbToItsDefaultsWhenTheBudgetIsZero() {
    var config = StormwatchConfig.from(Map.of(StormwatchConfig.STATE_MEMORY, "0"));

    assertThat(StreamsProperties.of(config))
        .doesNotContainKeys(
            StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.BUDGET_BYTES);
  }
}
