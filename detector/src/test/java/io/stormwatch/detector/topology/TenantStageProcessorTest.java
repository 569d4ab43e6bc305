package io.stormwatch.detector.topology;

import static io.stormwatch.detector.testing.Events.ALICE;
import static io.stormwatch.detector.testing.Events.BOB;
import static io.stormwatch.detector.testing.Events.mailBind;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.detector.config.StormwatchConfig;
import io.stormwatch.detector.rules.coverage.SignInCoverageGap;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The tenant stage inside Kafka Streams, driven the way a stream thread drives it: records in
 * batches whose size depends on timing, stream-time punctuation after each batch, and after a
 * restart a new processor on the restored stores.
 */
class TenantStageProcessorTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();

  private static final TenantStageProcessor.Wiring WIRING =
      new TenantStageProcessor.Wiring(
          StormwatchTopology.TENANT_CONTEXT_STORE,
          StormwatchTopology.ISSUANCE_STORE,
          StormwatchTopology.PENDING_USES_STORE,
          StormwatchTopology.ACCOUNT_STATE_STORE,
          StormwatchTopology.OLDER_RECORD_IDS_STORE,
          StormwatchTopology.DEDUPE_STORE,
          Optional.of(StormwatchTopology.EVENTS_SINK),
          StormwatchTopology.ACCOUNT_DETECTIONS,
          List.of(StormwatchTopology.TENANT_ALERTS_SINK));

  private final StormwatchConfig config = StormwatchConfig.defaults();

  @Test
  void theAlertsFollowFromTheRecordsAloneWhateverTheBatchesAndRestarts() {
    // A tenant whose sign-in logs never arrive: after four hours of token use, a coverage gap.
    List<AuditEvent> events = new ArrayList<>();
    for (int i = 0; i < 6 * 120; i++) {
      String account = i % 2 == 0 ? ALICE : BOB;
      events.add(mailBind(account).withToken("t" + i / 40).at(T0.plusSeconds(30L * i + i % 7)));
    }

    List<Alert> recordByRecord = run(events, 1, -1);
    List<Alert> inBatches = run(events, 7, -1);
    List<Alert> withARestart = run(events, 1, events.size() / 2);

    assertThat(recordByRecord)
        .extracting(Alert::getRuleId)
        .contains(SignInCoverageGap.DESCRIPTOR.id());
    assertThat(inBatches).isEqualTo(recordByRecord);
    assertThat(withARestart).isEqualTo(recordByRecord);
  }

  /**
   * Processes {@code events} as a stream thread does: stream time moves with each record, due
   * stream-time punctuation runs after every {@code batch} records, and before record {@code
   * restartAt} the processor is replaced by a new one on the same stores, whose punctuation Kafka
   * Streams schedules afresh (and so runs at once).
   */
  private List<Alert> run(List<AuditEvent> events, int batch, int restartAt) {
    MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    for (StateStore store : stores()) {
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    List<Alert> alerts = new ArrayList<>();
    Punctuation punctuation = new Punctuation(context);
    TenantStageProcessor processor = start(context, punctuation);
    long streamTime = Long.MIN_VALUE;
    for (int i = 0; i < events.size(); i++) {
      if (i == restartAt) {
        processor.close();
        processor = start(context, punctuation);
        punctuation.runDue(streamTime);
      }
      AuditEvent event = events.get(i);
      long time = event.getEventTime().toEpochMilli();
      streamTime = Math.max(streamTime, time);
      context.setCurrentStreamTimeMs(streamTime);
      context.setRecordMetadata("m365.audit.raw", 0, i);
      processor.process(new Record<>(event.getTenantId(), event, time));
      if ((i + 1) % batch == 0 || i == events.size() - 1) {
        punctuation.runDue(streamTime);
      }
    }
    context
        .forwarded(StormwatchTopology.TENANT_ALERTS_SINK)
        .forEach(forward -> alerts.add((Alert) forward.record().value()));
    return alerts;
  }

  private TenantStageProcessor start(
      MockProcessorContext<String, Object> context, Punctuation punctuation) {
    TenantStageProcessor processor =
        new TenantStageProcessor(
            WIRING,
            StormwatchTopology.tenantRules(config),
            StormwatchTopology.incidentLinker(config),
            new TenantStageProcessor.Dedupe(config.dedupeWindow(), config.dedupeMaxPerAccount()));
    int before = context.scheduledPunctuators().size();
    processor.init(context);
    punctuation.scheduledSince(before);
    return processor;
  }

  private List<StateStore> stores() {
    return List.of(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StormwatchTopology.TENANT_CONTEXT_STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled()
            .build(),
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(
                    StormwatchTopology.ISSUANCE_STORE,
                    Duration.ofDays(2),
                    Duration.ofMillis(1),
                    false),
                Serdes.String(),
                Serdes.Long())
            .withLoggingDisabled()
            .build(),
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StormwatchTopology.PENDING_USES_STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled()
            .build(),
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StormwatchTopology.ACCOUNT_STATE_STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled()
            .build(),
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StormwatchTopology.OLDER_RECORD_IDS_STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled()
            .build(),
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(
                    StormwatchTopology.DEDUPE_STORE,
                    Duration.ofDays(2),
                    Duration.ofMillis(1),
                    false),
                Serdes.String(),
                Serdes.Long())
            .withLoggingDisabled()
            .build());
  }

  /**
   * Kafka Streams' stream-time punctuation of the current processor: scheduled from time 0, it runs
   * when stream time has reached its next due time, then is due at the next whole interval.
   */
  private static final class Punctuation {
    private final MockProcessorContext<String, Object> context;
    private final List<long[]> dueTimes = new ArrayList<>();
    private int first;

    Punctuation(MockProcessorContext<String, Object> context) {
      this.context = context;
    }

    void scheduledSince(int index) {
      first = index;
      dueTimes.clear();
      for (int i = index; i < context.scheduledPunctuators().size(); i++) {
        dueTimes.add(new long[] {0});
      }
    }

    void runDue(long streamTime) {
      for (int i = 0; i < dueTimes.size(); i++) {
        var scheduled = context.scheduledPunctuators().get(first + i);
        long interval = scheduled.getInterval().toMillis();
        if (streamTime >= dueTimes.get(i)[0]) {
          scheduled.getPunctuator().punctuate(streamTime);
          dueTimes.get(i)[0] = Math.floorDiv(streamTime, interval) * interval + interval;
        }
      }
    }
  }
}
