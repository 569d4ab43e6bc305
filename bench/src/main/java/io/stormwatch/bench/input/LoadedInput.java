package io.stormwatch.bench.input;

import java.time.Instant;

/**
 * What was pre-loaded into the raw topics.
 *
 * @param records records on the two raw topics together
 * @param ualRecords Unified Audit Log records
 * @param signInRecords Entra sign-in records
 * @param jsonBytes size of all records' JSON
 * @param seconds wall time to generate and publish them (the simulator writes JSON while the
 *     producer sends)
 * @param lastEventTime event time of the last record loaded
 */
public record LoadedInput(
    long records,
    long ualRecords,
    long signInRecords,
    long jsonBytes,
    double seconds,
    Instant lastEventTime) {}
