package io.stormwatch.sim.scenario;

import io.stormwatch.sim.SimulatedRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * A raw record as the pipeline receives it: the record (with its event time, which becomes the
 * Kafka timestamp) and when it arrives. Arrival differs from event time only for feeds that lag.
 *
 * @param record the record, exactly as Microsoft emits it
 * @param arrivalTime when the record reaches the pipeline; never before its event time
 * @param recordId the record's own id (UAL {@code Id}, sign-in {@code id})
 */
public record ScenarioRecord(SimulatedRecord record, Instant arrivalTime, String recordId) {

  public ScenarioRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(arrivalTime, "arrivalTime");
    Objects.requireNonNull(recordId, "recordId");
    if (arrivalTime.isBefore(record.eventTime())) {
      throw new IllegalArgumentException(
          recordId
              + " arrives at "
              + arrivalTime
              + ", before it happened at "
              + record.eventTime());
    }
  }

  public Instant eventTime() {
    return record.eventTime();
  }
}
