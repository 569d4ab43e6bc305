package io.stormwatch.bench.throughput;

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
 */
public record ThroughputFigures(
    String phase,
    String description,
    long records,
    double seconds,
    double cpuSeconds,
    double clientCpuSeconds,
    double startupSeconds) {

  public double eventsPerSecond() {
    return seconds > 0 ? records / seconds : 0;
  }

  /** Process CPU time per record in microseconds: what a record costs, whatever else runs. */
  public double cpuMicrosPerRecord() {
    return records > 0 ? cpuSeconds * 1e6 / records : Double.NaN;
  }

  /** CPU time of the phase's own client threads per record, in microseconds. */
  public double clientCpuMicrosPerRecord() {
    return records > 0 ? clientCpuSeconds * 1e6 / records : Double.NaN;
  }
}
