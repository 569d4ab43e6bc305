package io.stormwatch.bench.input;

import io.stormwatch.bench.ProgressListener.Progress;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.TenantSimulator;
import io.stormwatch.traffic.publish.RawTopicNames;
import io.stormwatch.traffic.publish.RawTopicPublisher;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Publishes the first records of a simulation to the raw topics with the simulator's own publisher
 * (key tenant id, record timestamp = event time, idempotent, lz4), as a connector would.
 */
public final class InputLoader {

  private static final long PROGRESS_EVERY = 10_000;

  private final String bootstrapServers;
  private final RawTopicNames topics;

  public InputLoader(String bootstrapServers, RawTopicNames topics) {
    this.bootstrapServers = bootstrapServers;
    this.topics = topics;
  }

  /** Publishes the first {@code records} records of {@code simulator} and waits for every ack. */
  public LoadedInput load(TenantSimulator simulator, long records, Progress progress) {
    long started = System.nanoTime();
    long ual = 0;
    long signIns = 0;
    long bytes = 0;
    Instant last = simulator.settings().start();
    try (RawTopicPublisher publisher =
        RawTopicPublisher.connect(
            bootstrapServers, topics, Map.of(), progress::update, PROGRESS_EVERY)) {
      Iterator<SimulatedRecord> source = simulator.records();
      for (long sent = 0; sent < records && source.hasNext(); sent++) {
        SimulatedRecord record = source.next();
        if (record.topic() == RawTopic.UAL) {
          ual++;
        } else {
          signIns++;
        }
        bytes += record.json().length;
        last = record.eventTime();
        publisher.send(record);
      }
    }
    progress.finish();
    return new LoadedInput(
        ual + signIns, ual, signIns, bytes, (System.nanoTime() - started) / 1e9, last);
  }
}
