package io.stormwatch.detector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class StreamsMetersTest {

  @Test
  void namesStormwatchsOwnCountersWithoutTheBindersKafkaPrefix() {
    var registry = new SimpleMeterRegistry();
    registry.config().meterFilter(StreamsMeters.naming());

    Meter.Id own = gauge(registry, "kafka.stormwatch.records.total", Tags.of("outcome", "late"));
    Meter.Id kafka =
        gauge(registry, "kafka.stream.thread.process.total", Tags.of("thread.id", "t"));

    assertThat(own.getName()).isEqualTo("stormwatch.records.total");
    assertThat(kafka.getName()).isEqualTo("kafka.stream.thread.process.total");
  }

  @Test
  void givesEveryStoreTypeTheSameStoreTagSoPrometheusKeepsThemAll() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(StreamsMeters.naming());

    Meter.Id keyValue =
        gauge(
            registry,
            "kafka.stream.state.write.stall.duration.avg",
            Tags.of("rocksdb.state.id", "account-state", "task.id", "0_0"));
    Meter.Id window =
        gauge(
            registry,
            "kafka.stream.state.write.stall.duration.avg",
            Tags.of("rocksdb.window.state.id", "normaliser-dedupe", "task.id", "0_0"));

    assertThat(keyValue.getTags())
        .containsExactlyInAnyOrder(Tag.of("state.id", "account-state"), Tag.of("task.id", "0_0"));
    assertThat(window.getTags())
        .containsExactlyInAnyOrder(
            Tag.of("state.id", "normaliser-dedupe"), Tag.of("task.id", "0_0"));
    assertThat(registry.scrape())
        .contains("state_id=\"account-state\"", "state_id=\"normaliser-dedupe\"");
  }

  private static Meter.Id gauge(MeterRegistry registry, String name, Tags tags) {
    return Gauge.builder(name, () -> 1.0).tags(tags).register(registry).getId();
  }
}
