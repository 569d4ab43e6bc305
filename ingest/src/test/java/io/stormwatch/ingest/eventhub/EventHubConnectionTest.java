package io.stormwatch.ingest.eventhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

class EventHubConnectionTest {

  private static final String KEY = "k3y/with+base64=";
  private static final String CONNECTION =
      "Endpoint=sb://contoso-logs.servicebus.windows.net/;SharedAccessKeyName=stormwatch-listen;"
          + "SharedAccessKey="
          + KEY
          + ";EntityPath=insights-logs-signinlogs";

  @Test
  void buildsTheKafkaEndpointSettingsEventHubsExpects() {
    EventHubConnection connection = EventHubConnection.parse(CONNECTION);

    Map<String, Object> settings = connection.kafkaClientSettings();

    assertThat(settings)
        .containsEntry("bootstrap.servers", "contoso-logs.servicebus.windows.net:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN");
    var jaas =
        JaasContext.loadClientContext(
                Map.of("sasl.jaas.config", new Password((String) settings.get("sasl.jaas.config"))))
            .configurationEntries()
            .get(0);
    assertThat(jaas.getLoginModuleName())
        .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule");
    assertThat(jaas.getOptions().get("username")).isEqualTo("$ConnectionString");
    assertThat(jaas.getOptions().get("password")).isEqualTo(CONNECTION);
    assertThat(connection.entityPath()).contains("insights-logs-signinlogs");
  }

  @Test
  void neverShowsTheKey() {
    EventHubConnection connection = EventHubConnection.parse(CONNECTION);

    assertThat(connection.toString())
        .isEqualTo(
            "EventHubConnection[contoso-logs.servicebus.windows.net/insights-logs-signinlogs]");
    assertThatThrownBy(
            () ->
                EventHubConnection.parse(
                    "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKey=" + KEY))
        .hasMessageContaining("SharedAccessKeyName")
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(
            () -> EventHubConnection.parse("SharedAccessKeyName=a;SharedAccessKey=" + KEY))
        .hasMessageContaining("Endpoint")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void aSourceConsumerGetsTheConnectionSettingsUnderItsOwnOverrides() {
    EventHubSettings settings =
        new EventHubSettings(
            Optional.of(EventHubConnection.parse(CONNECTION)),
            "contoso-logs.servicebus.windows.net:9093",
            "insights-logs-signinlogs",
            "$Default",
            true,
            Set.of(),
            Map.of("ssl.truststore.type", "PEM"));

    assertThat(settings.consumerSettings())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("ssl.truststore.type", "PEM");
    assertThat(settings.sourceId())
        .isEqualTo("contoso-logs.servicebus.windows.net/insights-logs-signinlogs");
  }
}
