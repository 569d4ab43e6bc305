package io.stormwatch.detector.topology;

import static io.stormwatch.detector.testing.Events.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.testing.RawRecords;
import io.stormwatch.detector.testing.StoreContents;
import io.stormwatch.detector.testing.TopologyFixture;
import io.stormwatch.schemas.avro.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * A re-delivered record is processed once within the dedupe window, remembered in its account's
 * state (a busy account's older records in a store of their own), across a restart too, and
 * recognised when an earlier release remembered it.
 */
class DedupeTopologyTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:15:27Z");
  private static final byte[] TENANT_KEY = TENANT.getBytes(StandardCharsets.UTF_8);
  private static final String ALICE = "alice@contoso.com";

  private static byte[] read(String id, Instant at) {
    return RawRecords.mailItemsAccessed(id, TENANT, ALICE, at, "73.1.1.1", "uti-1", 2);
  }

  private static void pipe(TopologyFixture pipeline, String id, Instant at) {
    pipeline.ualRaw.pipeInput(TENANT_KEY, read(id, at), at);
  }

  @Test
  void aRecordDeliveredAgainAmongLaterOnesIsProcessedOnce() {
    try (TopologyFixture pipeline = new TopologyFixture()) {
      pipe(pipeline, "ual-1", T0);
      pipe(pipeline, "ual-2", T0.plusSeconds(60));
      pipe(pipeline, "ual-1", T0);
      pipe(pipeline, "ual-3", T0.plusSeconds(120));
      pipe(pipeline, "ual-2", T0.plusSeconds(60));

      assertThat(pipeline.events.readValuesToList())
          .extracting(AuditEvent::getEventId)
          .containsExactly("ual-1", "ual-2", "ual-3");
    }
  }

  @Test
  void anotherRecordWithTheSameIdAtAnotherTimeIsNotADuplicate() {
    try (TopologyFixture pipeline = new TopologyFixture()) {
      pipe(pipeline, "ual-1", T0);
      pipe(pipeline, "ual-1", T0.plusSeconds(1));

      assertThat(pipeline.events.readValuesToList()).hasSize(2);
    }
  }

  @Test
  void aRecordDeliveredAgainAfterTheWindowIsProcessedAgain() {
    try (TopologyFixture pipeline = new TopologyFixture()) {
      Instant later = T0.plus(pipeline.config.dedupeWindow()).plus(Duration.ofMinutes(2));
      pipe(pipeline, "ual-1", T0);
      pipe(pipeline, "ual-2", later);
      // Older than the account's latest event minus the grace: a late record, yet not dropped.
      pipe(pipeline, "ual-1", T0);

      assertThat(pipeline.events.readValuesToList())
          .extracting(AuditEvent::getEventId)
          .containsExactly("ual-1", "ual-2", "ual-1");
    }
  }

  @Test
  void aRecordDeliveredAgainAfterARestartIsProcessedOnce() {
    List<StoreContents.Entry> state;
    try (TopologyFixture before = new TopologyFixture()) {
      pipe(before, "ual-1", T0);
      assertThat(before.events.readValuesToList()).hasSize(1);
      state = before.storeContents();
    }
    try (TopologyFixture after = new TopologyFixture()) {
      after.restore(state);
      pipe(after, "ual-1", T0);
      pipe(after, "ual-2", T0.plusSeconds(60));

      assertThat(after.events.readValuesToList())
          .extracting(AuditEvent::getEventId)
          .containsExactly("ual-2");
    }
  }

  @Test
  void aBusyAccountsRecordDeliveredAgainLongAfterIsProcessedOnceAcrossARestart() {
    List<StoreContents.Entry> state;
    try (TopologyFixture before = new TopologyFixture()) {
      for (int i = 0; i < 200; i++) {
        pipe(before, "ual-" + i, T0.plusSeconds(30L * i));
      }
      assertThat(before.events.readValuesToList()).hasSize(200);
      state = before.storeContents();
    }
    assertThat(state)
        .filteredOn(e -> e.store().equals(StormwatchTopology.OLDER_RECORD_IDS_STORE))
        .hasSize(1);
    try (TopologyFixture after = new TopologyFixture()) {
      after.restore(state);
      pipe(after, "ual-3", T0.plusSeconds(90)); // long since moved out of the account's entry
      pipe(after, "ual-199", T0.plusSeconds(30L * 199)); // still in it
      pipe(after, "ual-200", T0.plusSeconds(30L * 200));

      assertThat(after.events.readValuesToList())
          .extracting(AuditEvent::getEventId)
          .containsExactly("ual-200");
    }
  }

  @Test
  void aRecordAnEarlierReleaseRememberedIsProcessedOnce() {
    try (TopologyFixture pipeline = new TopologyFixture()) {
      // How releases before remembered a record: source|tenant|id at its event time.
      byte[] seen = Serdes.Long().serializer().serialize(null, T0.toEpochMilli());
      pipeline.restore(
          List.of(
              new StoreContents.Entry(
                  StormwatchTopology.DEDUPE_STORE,
                  "UNIFIED_AUDIT_LOG|" + TENANT + "|ual-1",
                  T0.toEpochMilli(),
                  seen)));
      pipe(pipeline, "ual-2", T0.plusSeconds(60));
      pipe(pipeline, "ual-1", T0);

      assertThat(pipeline.events.readValuesToList())
          .extracting(AuditEvent::getEventId)
          .containsExactly("ual-2");
    }
  }
}
