package io.stormwatch.bench.report;

import io.stormwatch.bench.input.LoadedInput;

/**
 * The pre-loaded input and where it came from.
 *
 * @param loaded what was published
 * @param tenants simulated tenants
 * @param accounts simulated accounts
 * @param simulatedMinutes simulated time the records span
 * @param attacksPlaced attacks the simulator placed that begin within that span
 * @param partitions partitions of every topic
 * @param streamThreads stream threads of both Kafka Streams applications, consumers of the raw read
 */
public record InputFigures(
    LoadedInput loaded,
    int tenants,
    int accounts,
    long simulatedMinutes,
    int attacksPlaced,
    int partitions,
    int streamThreads) {}
