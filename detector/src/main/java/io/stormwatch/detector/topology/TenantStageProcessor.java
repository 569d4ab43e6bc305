package io.stormwatch.detector.topology;

import io.stormwatch.detector.incident.IncidentLinker;
import io.stormwatch.detector.metrics.PipelineCounters;
import io.stormwatch.detector.metrics.PipelineCounters.Outcome;
import io.stormwatch.detector.normalise.RecentRecordIds;
import io.stormwatch.detector.rules.TenantRule;
import io.stormwatch.detector.rules.TokenUse;
import io.stormwatch.detector.tenant.TenantStage;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the {@link TenantStage} inside Kafka Streams, in the task where a tenant's raw records meet.
 * For each normalised event it reads the account's state, drops the event if the account has seen
 * its record within the dedupe window, lets the tenant stage annotate it and learn from it, and
 * forwards it to the normalised topic (when that is written) and, with the account's state, to the
 * account detections, which write the state back; the tenant-level alerts (those an event raises at
 * once, then those due token uses raise), each linked into its account's incident, go to the alerts
 * topic (and its OCSF copy).
 */
final class TenantStageProcessor implements Processor<String, AuditEvent, String, Object> {

  /**
   * Names of the stores and children this processor uses.
   *
   * @param olderRecordIdsStore where a busy account's older record ids are kept
   * @param earlierRecordIdsStore where releases before kept record ids: read, never written
   * @param eventsChild the normalised topic's sink; empty in an alerts-only deployment
   */
  record Wiring(
      String contextStore,
      String issuanceStore,
      String pendingStore,
      String accountStore,
      String olderRecordIdsStore,
      String earlierRecordIdsStore,
      Optional<String> eventsChild,
      String accountsChild,
      List<String> alertsChildren) {}

  /**
   * How re-delivered records are recognised.
   *
   * @param window how long, in the account's event time, a record is remembered
   * @param maxPerAccount how many records an account remembers at most
   */
  record Dedupe(Duration window, int maxPerAccount) {}

  private final Wiring wiring;
  private final List<TenantRule> rules;
  private final IncidentLinker incidentLinker;
  private final long dedupeWindow;
  private final int maxRecordsPerAccount;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, byte[]> accounts;
  private KeyValueStore<String, byte[]> olderRecordIds;
  private EarlierRecordIds earlierRecordIds;
  private TenantStage stage;
  private AccountIncidents incidents;
  private PipelineCounters counters;

  TenantStageProcessor(
      Wiring wiring, List<TenantRule> rules, IncidentLinker incidentLinker, Dedupe dedupe) {
    this.wiring = wiring;
    this.rules = List.copyOf(rules);
    this.incidentLinker = incidentLinker;
    this.dedupeWindow = dedupe.window().toMillis();
    this.maxRecordsPerAccount = dedupe.maxPerAccount();
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.accounts = context.getStateStore(wiring.accountStore());
    this.incidents = new AccountIncidents(incidentLinker, accounts);
    this.olderRecordIds = context.getStateStore(wiring.olderRecordIdsStore());
    this.earlierRecordIds =
        new EarlierRecordIds(context.getStateStore(wiring.earlierRecordIdsStore()));
    this.stage =
        new TenantStage(
            KafkaTenantState.context(context.getStateStore(wiring.contextStore())),
            KafkaTenantState.issuance(context.getStateStore(wiring.issuanceStore())),
            KafkaTenantState.pending(context.getStateStore(wiring.pendingStore())),
            rules);
    this.counters =
        PipelineCounters.of(context.metrics())
            .withOutcomes(Outcome.NORMALISED, Outcome.DUPLICATE)
            .withAlertRules(rules.stream().map(rule -> rule.descriptor().id()).toList())
            .withUnjudgeableTokenUses();
  }

  @Override
  public void process(Record<String, AuditEvent> record) {
    AuditEvent event = record.value();
    byte[] stored = accounts.get(record.key());
    AccountState state = stored == null ? new AccountState() : AccountState.CODEC.decode(stored);
    if (isDuplicate(event, state, record.key())) {
      counters.record(Outcome.DUPLICATE);
      return;
    }
    counters.record(Outcome.NORMALISED);
    if (TokenUse.unjudgeable(event)) {
      counters.unjudgeableTokenUse();
    }
    if (state.mailHour() == null) {
      state.mailHour(stage.takeStoredAccountHour(event.getTenantId(), event.getAccountId()));
    }
    List<Alert> raised = stage.process(event, state.mailHour());
    for (Alert alert : raised) {
      incidents.link(alert, record.key(), state);
    }
    wiring.eventsChild().ifPresent(events -> context.forward(record, events));
    context.forward(
        record.withValue(new AccountEvent(event, state, stored)), wiring.accountsChild());
    for (Alert alert : raised) {
      forward(alert, record.timestamp());
    }
    // Not a stream-time punctuator: see TenantStage#streamTimeReached.
    long streamTime = context.currentStreamTimeMs();
    for (Alert alert : stage.streamTimeReached(streamTime)) {
      incidents.link(alert, record.key(), null);
      forward(alert, streamTime);
    }
  }

  private void forward(Alert alert, long timestamp) {
    counters.alert(alert);
    var alertRecord = new Record<String, Object>(alert.getAlertId(), alert, timestamp);
    for (String child : wiring.alertsChildren()) {
      context.forward(alertRecord, child);
    }
  }

  /**
   * Whether the account has seen {@code event}'s record within the dedupe window; if not, it
   * remembers it. Only a record no later than the account's latest event can have been seen.
   */
  private boolean isDuplicate(AuditEvent event, AccountState state, String accountKey) {
    long time = event.getEventTime().toEpochMilli();
    long hash = RecentRecordIds.hashOf(event);
    var older = new StoredOlderRecordIds(olderRecordIds, accountKey);
    if (time <= state.watermark()
        && (state.recordIds().contains(hash, time, older) || earlierRecordIds.seen(event))) {
      return true;
    }
    long horizon = Math.max(state.watermark(), time) - dedupeWindow;
    state.recordIds().add(hash, time, horizon, maxRecordsPerAccount, older);
    return false;
  }
}
