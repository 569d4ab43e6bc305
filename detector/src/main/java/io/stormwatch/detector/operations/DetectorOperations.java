package io.stormwatch.detector.operations;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stormwatch.detector.app.DetectorApplication;
import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.metrics.StreamsMeters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator watches a running detector through: a Prometheus registry with the detector's
 * Kafka Streams metrics, Stormwatch's counters, restore progress, committed lag and the JVM's
 * figures, served with the health endpoints by an {@link OperationsServer}.
 */
public final class DetectorOperations implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DetectorOperations.class);

  private final PrometheusMeterRegistry registry;
  private final OperationsServer server;
  private final Deque<AutoCloseable> resources;

  private DetectorOperations(
      PrometheusMeterRegistry registry, OperationsServer server, Deque<AutoCloseable> resources) {
    this.registry = registry;
    this.server = server;
    this.resources = resources;
  }

  /**
   * Starts serving {@code /metrics}, {@code /health} and {@code /ready} of {@code detector} on
   * {@code address}. Call it before the detector starts, so that its start is watched too.
   *
   * @throws IOException naming {@value StormwatchConfig#METRICS_PORT} if the address cannot be
   *     bound
   */
  public static DetectorOperations start(
      InetSocketAddress address, StormwatchConfig config, DetectorApplication detector)
      throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(StreamsMeters.naming());
    OperationsServer server;
    try {
      server = OperationsServer.start(address, detector::health, registry::scrape);
    } catch (IOException e) {
      registry.close();
      throw new IOException(
          "cannot serve the operations endpoint on "
              + address
              + " ("
              + e.getMessage()
              + "); set "
              + StormwatchConfig.METRICS_PORT
              + " to a free port, 0 for any free port or -1 for no endpoint",
          e);
    }
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      new JvmMemoryMetrics().bindTo(registry);
      JvmGcMetrics gc = new JvmGcMetrics();
      resources.push(gc);
      gc.bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new UptimeMetrics().bindTo(registry);
      resources.push(detector.bindMetrics(registry));
      CommittedLagGauges lag =
          new CommittedLagGauges(
              Admin.create(adminSettings(config)),
              config.applicationId(),
              List.of(config.topics().ualRaw(), config.topics().signInRaw()));
      resources.push(lag);
      lag.bindTo(registry);
      return new DetectorOperations(registry, server, resources);
    } catch (RuntimeException e) {
      server.close();
      closeAll(resources);
      registry.close();
      throw e;
    }
  }

  /** Where the endpoints listen, with the port actually bound. */
  public InetSocketAddress address() {
    return server.address();
  }

  /** Stops serving and stops following the detector; the detector itself is left as it is. */
  @Override
  public void close() {
    server.close();
    closeAll(resources);
    registry.close();
  }

  private static Map<String, Object> adminSettings(StormwatchConfig config) {
    Map<String, Object> settings = new LinkedHashMap<>(config.kafkaOverrides());
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, config.applicationId() + "-lag");
    return settings;
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        // Closing is best effort: one resource failing must not keep the others open.
        log.debug("could not close {}", resource, e);
      }
    }
  }
}
