package io.stormwatch.sim.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.SimulatedRecord;
import io.stormwatch.sim.SimulationSettings;
import io.stormwatch.sim.TenantSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;

/**
 * An endless supply of valid simulated records to mutate: one simulation of {@link #TENANTS}
 * tenants after another, each starting where the last ended, so that event time keeps moving on.
 */
final class BaseRecords {

  static final int TENANTS = 10;
  static final int USERS_PER_TENANT = 40;
  static final Duration PERIOD = Duration.ofHours(8);

  /** A valid record, parsed so that it can be changed. */
  record Base(RawTopic topic, String tenantId, Instant eventTime, ObjectNode json) {

    /** Gives the record the id {@code id} (UAL {@code Id}, sign-in {@code properties.id}). */
    Base withId(String id) {
      if (topic == RawTopic.UAL) {
        json.put("Id", id);
      } else {
        ((ObjectNode) json.get("properties")).put("id", id);
      }
      return this;
    }
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final long seed;
  private Instant periodStart;
  private int period;
  private Iterator<SimulatedRecord> records;

  BaseRecords(long seed, Instant start) {
    this.seed = seed;
    this.periodStart = start;
  }

  Base next() {
    while (records == null || !records.hasNext()) {
      SimulationSettings settings =
          SimulationSettings.builder(periodStart)
              .seed(seed + period)
              .tenants(TENANTS)
              .usersPerTenant(USERS_PER_TENANT)
              .duration(PERIOD)
              .build();
      records = new TenantSimulator(settings).records();
      periodStart = periodStart.plus(PERIOD);
      period++;
    }
    SimulatedRecord record = records.next();
    try {
      return new Base(
          record.topic(),
          record.tenantId(),
          record.eventTime(),
          (ObjectNode) mapper.readTree(record.json()));
    } catch (IOException e) {
      throw new UncheckedIOException("the simulator wrote a record that is not JSON", e);
    }
  }

  /** When the records handed out so far will have ended, at the latest. */
  Instant horizon() {
    return periodStart;
  }
}
