package io.stormwatch.bench.report;

import io.stormwatch.bench.input.LoadedInput;
import io.stormwatch.bench.latency.BacklogSampler;
import io.stormwatch.bench.latency.GcPauses;
import io.stormwatch.bench.latency.LatencyFigures;
import io.stormwatch.bench.latency.LatencySummary;
import io.stormwatch.bench.latency.RuleLatency;
import io.stormwatch.bench.memory.MemoryFigures;
import io.stormwatch.bench.throughput.ThroughputFigures;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A report with round figures, for the formatting tests. */
final class SampleReports {

  static final long MIB = 1024 * 1024;

  private SampleReports() {}

  static BenchReport report(double stormwatchSeconds, long p99Ms, Map<String, String> settings) {
    return new BenchReport(
        Instant.parse("2026-11-27T09:00:00Z"),
        new MachineInfo(
            2,
            "AMD EPYC",
            24L * 1024 * MIB,
            "Linux 6.1 amd64",
            "OpenJDK 64-Bit Server VM 17.0.15",
            512 * MIB,
            2048 * MIB,
            "G1 Young Generation, G1 Old Generation",
            "4.3.1"),
        settings,
        0.42,
        1.5,
        new InputFigures(
            new LoadedInput(
                2_000_000,
                1_900_000,
                100_000,
                4_000 * MIB,
                30.0,
                Instant.parse("2026-11-26T10:18:00Z")),
            1_000,
            100_000,
            138,
            2_884,
            6,
            1),
        new ThroughputFigures("raw read", "plain consumer", 2_000_000, 4.0, 6.0, 2.4, 0, Map.of()),
        new ThroughputFigures(
            "floor",
            "windowed count",
            2_000_000,
            40.0,
            70.0,
            50.0,
            1.5,
            Map.of("floor-repartition", 2_000_000L, "floor-count-changelog", 2_100_000L)),
        new ThroughputFigures(
            "stormwatch",
            "full pipeline",
            2_000_000,
            stormwatchSeconds,
            150.0,
            110.0,
            2.5,
            Map.of("audit.events", 2_000_000L, "account-state-changelog", 9_000_000L)),
        new ThroughputFigures(
            "alerts-only",
            "full pipeline, no events",
            2_000_000,
            50.0,
            120.0,
            90.0,
            2.5,
            Map.of("account-state-changelog", 9_000_000L)),
        new LatencyFigures(
            12_500,
            12_480,
            750_000,
            60.1,
            0.3,
            1_234,
            0,
            new LatencySummary(1_234, 120, 300, p99Ms, 900),
            new LatencySummary(1_234, 180, 380, p99Ms + 60, 960),
            List.of(
                new RuleLatency(
                    "mail-burst",
                    new LatencySummary(1_000, 110, 290, 400, 800),
                    new LatencySummary(1_000, 170, 350, 460, 860)),
                new RuleLatency(
                    "token-replay",
                    new LatencySummary(234, 130, 310, p99Ms, 900),
                    new LatencySummary(234, 190, 390, p99Ms + 60, 960))),
            new GcPauses.Figures(42, 1_686, 262),
            new BacklogSampler.Figures(240, 212, 3_512, 3.25)),
        List.of(
            new MemoryFigures(
                "after the stormwatch phase", 300 * MIB, 2048 * MIB, 1500 * MIB, 420 * MIB),
            new MemoryFigures("end of run", 280 * MIB, 2048 * MIB, -1, 100 * MIB)),
        545);
  }
}
