package io.stormwatch.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaSettingsTest {

  @Test
  void defaultsUseATemporaryDirectoryAndNoExtraProperties() {
    EmbeddedKafkaSettings defaults = EmbeddedKafkaSettings.defaults();

    assertThat(defaults.dataDirectory()).isEmpty();
    assertThat(defaults.brokerProperties()).isEmpty();
    assertThat(defaults.shutdownTimeout())
        .isEqualTo(EmbeddedKafkaSettings.DEFAULT_SHUTDOWN_TIMEOUT);
  }

  @Test
  void withersReturnChangedCopiesAndLeaveTheOriginalAlone() {
    EmbeddedKafkaSettings defaults = EmbeddedKafkaSettings.defaults();

    EmbeddedKafkaSettings changed =
        defaults
            .withDataDirectory(Path.of("/data/kafka"))
            .withBrokerProperty("log.retention.hours", "1")
            .withBrokerProperties(Map.of("num.io.threads", "2", "log.retention.hours", "2"))
            .withShutdownTimeout(Duration.ofSeconds(5));

    assertThat(changed.dataDirectory()).contains(Path.of("/data/kafka"));
    assertThat(changed.brokerProperties())
        .containsOnly(Map.entry("log.retention.hours", "2"), Map.entry("num.io.threads", "2"));
    assertThat(changed.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.dataDirectory()).isEmpty();
    assertThat(defaults.brokerProperties()).isEmpty();
  }

  @Test
  void brokerPropertiesCannotBeModifiedFromOutside() {
    Map<String, String> properties =
        EmbeddedKafkaSettings.defaults().withBrokerProperty("a", "b").brokerProperties();

    assertThatThrownBy(() -> properties.put("c", "d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theClientPortIsFreeUnlessOneIsGiven() {
    assertThat(EmbeddedKafkaSettings.defaults().clientPort()).isEmpty();
    assertThat(EmbeddedKafkaSettings.defaults().withClientPort(9092).clientPort()).hasValue(9092);
    assertThatThrownBy(() -> EmbeddedKafkaSettings.defaults().withClientPort(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 65535");
  }

  @Test
  void shutdownTimeoutMustBePositive() {
    assertThatThrownBy(() -> EmbeddedKafkaSettings.defaults().withShutdownTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
