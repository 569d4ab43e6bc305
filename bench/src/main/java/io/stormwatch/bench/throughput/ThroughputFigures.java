package io.stormwatch.bench.throughput;

import java.util.Map;

/**
 * How fast one phase went through the pre-loaded records.
 *
 * @param phase short name of the phase
 * @param description what the phase does, one line
 * @param records records read from the raw topics
 * @param seconds wall time from the first poll (raw read) or from the application reaching RUNNING
 *     (Kafka Streams phases) until everything was processed and committed
 * @param cpuSeconds CPU time of the whole process (broker, JIT compilers and GC included) over the
 *     same span; NaN where unknown
 * @param clientCpuSeconds CPU time of the phase's own Kafka client threads only (consumers; or the
 *     application's stream, producer and consumer threads): what the application itself costs
 * @param startupSeconds time from start to RUNNING for Kafka Streams phases, 0 for the raw read
 * @param appendedByTopic records the phase appended to Kafka (outputs, changelogs, repartition
 *     topics, transaction markers), by topic; empty for the raw read, which only reads
 */
public record ThroughputFigures(
    String phase,
    String description,
    long records,
    double seconds,
    double cpuSeconds,
    double clientCpuSeconds,
    double startupSeconds,
    Map<String, Long> appendedByTopic) {

  public ThroughputFigures {
    appendedByTopic = Map.copyOf(appendedByTopic);
  }

  /** Records the phase appended to Kafka, all topics together. */
  public long appendedRecords() {
    return appendedByTopic.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records appended to {@code topic} per record read. */
  public double appendsPerRecord(String topic) {
    return records > 0 ? (double) appendedByTopic.getOrDefault(topic, 0L) / records : Double.NaN;
  }

  public double eventsPerSecond() {
    return seconds > 0 ? records / seconds : 0;
  }

  /** Process CPU time per record in microseconds: what a record costs, whatever else runs. */
  public double cpuMicrosPerRecord() {
    return records > 0 ? cpuSeconds * 1e6 / records : Double.NaN;
  }

  /** Records appended to Kafka per record read. */
  public double appendsPerRecord() {
    return records > 0 ? (double) appendedRecords() / records : Double.NaN;
  }

  /** CPU time of the phase's own client threads per record, in microseconds. */
  public double clientCpuMicrosPerRecord() {
    return records > 0 ? clientCpuSeconds * 1e6 / records : Double.NaN;
  }
}
