package io.stormwatch.bench.report;

import io.stormwatch.bench.latency.LatencyFigures;
import io.stormwatch.bench.memory.MemoryFigures;
import io.stormwatch.bench.throughput.ThroughputFigures;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, for the table and the JSON file.
 *
 * @param startedAt when the run began
 * @param machine what it ran on
 * @param pipelineSettings detector settings the run applied on top of the defaults
 * @param loadAverageAtStart 1-minute load average before the run (other work on the machine)
 * @param loadAverageAtEnd 1-minute load average at the end
 * @param input the pre-loaded records
 * @param rawRead the plain consumer phase
 * @param floor the bare Kafka Streams phase
 * @param stormwatch the full pipeline phase
 * @param alertsOnly the full pipeline again, writing no normalised events ({@code
 *     topic.events.enabled=false})
 * @param latency the fixed-load phase
 * @param memory memory at the points where it was taken
 * @param totalSeconds wall time of the whole run
 */
public record BenchReport(
    Instant startedAt,
    MachineInfo machine,
    Map<String, String> pipelineSettings,
    double loadAverageAtStart,
    double loadAverageAtEnd,
    InputFigures input,
    ThroughputFigures rawRead,
    ThroughputFigures floor,
    ThroughputFigures stormwatch,
    ThroughputFigures alertsOnly,
    LatencyFigures latency,
    List<MemoryFigures> memory,
    double totalSeconds) {

  /**
   * The target: the full pipeline at least half as fast as the floor (restated from 1.0x once the
   * analysis showed the pipeline's appends to Kafka per record bound it).
   */
  public static final double TARGET_STORMWATCH_TO_FLOOR = 0.5;

  /** The target: p99 alert latency at the fixed load. */
  public static final long TARGET_P99_MS = 1_000;

  public BenchReport {
    pipelineSettings = Map.copyOf(pipelineSettings);
    memory = List.copyOf(memory);
  }

  /** Pipeline throughput relative to the floor's. */
  public double stormwatchToFloor() {
    return ratio(stormwatch, floor);
  }

  /** Alerts-only pipeline throughput relative to the floor's. */
  public double alertsOnlyToFloor() {
    return ratio(alertsOnly, floor);
  }

  /** Pipeline throughput relative to the raw read's. */
  public double stormwatchToRaw() {
    return ratio(stormwatch, rawRead);
  }

  private static double ratio(ThroughputFigures a, ThroughputFigures b) {
    return b.eventsPerSecond() > 0 ? a.eventsPerSecond() / b.eventsPerSecond() : Double.NaN;
  }
}
