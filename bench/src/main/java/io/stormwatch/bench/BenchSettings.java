package io.stormwatch.bench;

import io.stormwatch.sim.WorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * What one benchmark run measures. Immutable and validated: a bad value fails at construction with
 * a message that says what to change.
 *
 * @param events records pre-loaded into the raw topics and read by every throughput phase
 * @param accounts simulated accounts ({@value #USERS_PER_TENANT} per tenant), a multiple of {@value
 *     #USERS_PER_TENANT}
 * @param partitions partitions of every topic
 * @param streamThreads Kafka Streams threads of the floor and the pipeline, and consumers of the
 *     raw read
 * @param latencyDuration how long the latency phase offers load
 * @param latencyLoad offered load of the latency phase, as a share of the measured pipeline
 *     throughput
 * @param seed simulator seed
 * @param simulationStart first instant of simulated activity
 * @param pipelineSettings detector settings applied on top of the defaults, to the floor's and the
 *     pipeline's Kafka Streams alike (e.g. {@code kafka.statestore.cache.max.bytes}); empty for the
 *     shipped defaults
 */
public record BenchSettings(
    long events,
    int accounts,
    int partitions,
    int streamThreads,
    Duration latencyDuration,
    double latencyLoad,
    long seed,
    Instant simulationStart,
    Map<String, String> pipelineSettings) {

  /** Users in every simulated tenant; accounts are counted in whole tenants. */
  public static final int USERS_PER_TENANT = 100;

  public static final long DEFAULT_EVENTS = 2_000_000;
  public static final int DEFAULT_ACCOUNTS = 100_000;
  public static final int DEFAULT_PARTITIONS = 6;
  public static final int DEFAULT_STREAM_THREADS = 1;
  public static final Duration DEFAULT_LATENCY_DURATION = Duration.ofSeconds(60);
  public static final double DEFAULT_LATENCY_LOAD = 0.5;
  public static final long DEFAULT_SEED = 42;

  static final long MIN_EVENTS = 1_000;
  static final long MAX_EVENTS = 200_000_000;
  static final int MAX_ACCOUNTS = 10_000_000;
  static final int MAX_PARTITIONS = 1_000;
  static final int MAX_STREAM_THREADS = 64;
  static final Duration MIN_LATENCY_DURATION = Duration.ofSeconds(5);
  static final Duration MAX_LATENCY_DURATION = Duration.ofHours(1);

  /**
   * @throws IllegalArgumentException if a value is out of range; the message names it
   * @throws NullPointerException if latencyDuration or simulationStart is null
   */
  public BenchSettings {
    Objects.requireNonNull(latencyDuration, "latencyDuration");
    Objects.requireNonNull(simulationStart, "simulationStart");
    pipelineSettings = Map.copyOf(Objects.requireNonNull(pipelineSettings, "pipelineSettings"));
    require(
        events >= MIN_EVENTS && events <= MAX_EVENTS,
        "events must be between %,d and %,d, was %,d".formatted(MIN_EVENTS, MAX_EVENTS, events));
    require(
        accounts >= USERS_PER_TENANT && accounts <= MAX_ACCOUNTS,
        "accounts must be between %,d and %,d, was %,d"
            .formatted(USERS_PER_TENANT, MAX_ACCOUNTS, accounts));
    require(
        accounts % USERS_PER_TENANT == 0,
        "accounts must be a multiple of %d (whole tenants of %d users), was %,d"
            .formatted(USERS_PER_TENANT, USERS_PER_TENANT, accounts));
    require(
        partitions >= 1 && partitions <= MAX_PARTITIONS,
        "partitions must be between 1 and %d, was %d".formatted(MAX_PARTITIONS, partitions));
    require(
        streamThreads >= 1 && streamThreads <= MAX_STREAM_THREADS,
        "stream threads must be between 1 and %d, was %d"
            .formatted(MAX_STREAM_THREADS, streamThreads));
    require(
        latencyDuration.compareTo(MIN_LATENCY_DURATION) >= 0
            && latencyDuration.compareTo(MAX_LATENCY_DURATION) <= 0,
        "latency duration must be between %d s and %d s, was %s"
            .formatted(
                MIN_LATENCY_DURATION.toSeconds(),
                MAX_LATENCY_DURATION.toSeconds(),
                latencyDuration));
    require(
        latencyLoad > 0 && latencyLoad <= 1,
        "latency load must be a share of the measured throughput in (0, 1], was " + latencyLoad);
  }

  /** The documented defaults, with the simulated activity on the last working day before today. */
  public static BenchSettings defaults() {
    return new BenchSettings(
        DEFAULT_EVENTS,
        DEFAULT_ACCOUNTS,
        DEFAULT_PARTITIONS,
        DEFAULT_STREAM_THREADS,
        DEFAULT_LATENCY_DURATION,
        DEFAULT_LATENCY_LOAD,
        DEFAULT_SEED,
        simulationStartBefore(LocalDate.now(ZoneOffset.UTC)),
        Map.of());
  }

  /**
   * 08:00 UTC of the latest Monday-to-Friday before {@code today}: a working morning, and recent.
   *
   * <p>Recent matters: the broker applies retention by record timestamp (event time) against the
   * wall clock, so records months old would be deleted from the raw topics and from the window
   * stores' changelogs while the benchmark runs.
   */
  public static Instant simulationStartBefore(LocalDate today) {
    return WorkingDays.latestBefore(today, LocalTime.of(8, 0));
  }

  /** Simulated tenants: {@code accounts / USERS_PER_TENANT}. */
  public int tenants() {
    return accounts / USERS_PER_TENANT;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
