package io.stormwatch.bench.throughput;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The floor topology running on Kafka: start, readiness and shutdown of its KafkaStreams. */
public final class FloorApplication implements StreamsPhase.App, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FloorApplication.class);

  private final KafkaStreams streams;
  private final CountDownLatch running = new CountDownLatch(1);

  public FloorApplication(Topology topology, Properties streamsProperties) {
    this.streams = new KafkaStreams(topology, streamsProperties);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          log.error("floor stream thread failed; shutting the floor down", e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
  }

  @Override
  public void start() {
    streams.start();
  }

  @Override
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String state() {
    return streams.state().toString();
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
