package io.stormwatch.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class SingleNodeBrokerConfigTest {

  private static final ListenerPorts PORTS = new ListenerPorts(40123, 40124);
  private static final Path LOG_DIRECTORY = Path.of("/tmp/stormwatch-kafka-test");

  @Test
  void everyDefaultIsABrokerSettingOfThisKafkaVersion() {
    // Kafka ignores unknown keys, so a renamed setting would silently stop applying.
    assertThat(KafkaConfig.configDef().names())
        .containsAll(SingleNodeBrokerConfig.singleNodeDefaults().keySet());
  }

  @Test
  void everyManagedPropertyIsABrokerSettingOfThisKafkaVersion() {
    assertThat(KafkaConfig.configDef().names())
        .containsAll(SingleNodeBrokerConfig.MANAGED_PROPERTIES);
  }

  @Test
  void describesOneCombinedNodeOnLocalhost() {
    KafkaConfig config = SingleNodeBrokerConfig.create(PORTS, LOG_DIRECTORY, Map.of());

    assertThat(config.originals())
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("controller.quorum.voters", "1@localhost:40124")
        .containsEntry("listeners", "PLAINTEXT://localhost:40123,CONTROLLER://localhost:40124")
        .containsEntry("advertised.listeners", "PLAINTEXT://localhost:40123");
    assertThat(config.logDirs()).containsExactly(LOG_DIRECTORY.toAbsolutePath().toString());
  }

  @Test
  void everyInternalTopicFitsOnOneNode() {
    KafkaConfig config = SingleNodeBrokerConfig.create(PORTS, LOG_DIRECTORY, Map.of());

    assertThat(config.getShort("offsets.topic.replication.factor")).isEqualTo((short) 1);
    assertThat(config.getShort("transaction.state.log.replication.factor")).isEqualTo((short) 1);
    assertThat(config.getInt("transaction.state.log.min.isr")).isEqualTo(1);
    assertThat(config.getShort("share.coordinator.state.topic.replication.factor"))
        .isEqualTo((short) 1);
    assertThat(config.getInt("min.insync.replicas")).isEqualTo(1);
    assertThat(config.getBoolean("auto.create.topics.enable")).isFalse();
  }

  @Test
  void recordsAreKeptWhateverTheirTimestamp() {
    KafkaConfig config = SingleNodeBrokerConfig.create(PORTS, LOG_DIRECTORY, Map.of());

    assertThat(config.getLong("log.retention.ms")).isEqualTo(-1L);
    assertThat(config.getLong("log.message.timestamp.before.max.ms")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void controlledShutdownStaysOnSoThatARestartedNodeIsNotMistakenForItsOldSelf() {
    KafkaConfig config = SingleNodeBrokerConfig.create(PORTS, LOG_DIRECTORY, Map.of());

    assertThat(config.controlledShutdownEnable()).isTrue();
  }

  @Test
  void callerPropertiesOverrideTheDefaults() {
    KafkaConfig config =
        SingleNodeBrokerConfig.create(
            PORTS, LOG_DIRECTORY, Map.of("auto.create.topics.enable", "true"));

    assertThat(config.getBoolean("auto.create.topics.enable")).isTrue();
  }

  @Test
  void managedPropertiesCannotBeOverridden() {
    assertThatThrownBy(
            () ->
                SingleNodeBrokerConfig.create(
                    PORTS, LOG_DIRECTORY, Map.of("node.id", "7", "log.dirs", "/elsewhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[log.dirs, node.id]");
  }

  @Test
  void invalidValuesAreReportedAsIllegalArguments() {
    assertThatThrownBy(
            () ->
                SingleNodeBrokerConfig.create(
                    PORTS, LOG_DIRECTORY, Map.of("min.insync.replicas", "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min.insync.replicas");
  }
}
