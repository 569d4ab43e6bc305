package io.stormwatch.detector.topology;

import io.stormwatch.detector.incident.IncidentLinker;
import io.stormwatch.detector.lateness.LatenessGate;
import io.stormwatch.detector.metrics.PipelineCounters;
import io.stormwatch.detector.metrics.PipelineCounters.Outcome;
import io.stormwatch.detector.rules.AccountRule;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the account-level detections inside Kafka Streams, on an event with its account's {@link
 * AccountState} as the tenant stage read it: sends a late event to the late topic, otherwise lets
 * every {@link AccountRule} fold the event into its state; links the alerts into the account's
 * incident, stores the state (unless nothing changed) and forwards the alerts keyed by alert id to
 * each alerts child.
 */
final class AccountDetectionsProcessor implements Processor<String, AccountEvent, String, Object> {

  /** Names of the store and children this processor uses. */
  record Wiring(String stateStore, String lateChild, List<String> alertsChildren) {}

  private final List<AccountRule<?>> rules;
  private final LatenessGate lateness;
  private final IncidentLinker incidentLinker;
  private final Wiring wiring;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, byte[]> store;
  private AccountIncidents incidents;
  private PipelineCounters counters;

  AccountDetectionsProcessor(
      List<AccountRule<?>> rules,
      LatenessGate lateness,
      IncidentLinker incidentLinker,
      Wiring wiring) {
    this.rules = List.copyOf(rules);
    this.lateness = lateness;
    this.incidentLinker = incidentLinker;
    this.wiring = wiring;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(wiring.stateStore());
    this.incidents = new AccountIncidents(incidentLinker, store);
    this.counters =
        PipelineCounters.of(context.metrics())
            .withOutcomes(Outcome.LATE)
            .withAlertRules(rules.stream().map(rule -> rule.descriptor().id()).toList());
  }

  @Override
  public void process(Record<String, AccountEvent> record) {
    AuditEvent event = record.value().event();
    AccountState state = record.value().state();
    long time = event.getEventTime().toEpochMilli();
    List<Alert> alerts = new ArrayList<>();
    if (lateness.isLate(state.watermark(), time)) {
      counters.record(Outcome.LATE);
      context.forward(record.<Object>withValue(event), wiring.lateChild());
    } else {
      state.watermark(LatenessGate.advance(state.watermark(), time));
      state.activity().record(time);
      for (AccountRule<?> rule : rules) {
        alerts.addAll(evaluate(rule, state, event));
      }
    }
    for (Alert alert : alerts) {
      incidents.link(alert, record.key(), state);
    }
    byte[] updated = AccountState.CODEC.encode(state);
    if (!Arrays.equals(updated, record.value().stored())) {
      store.put(record.key(), updated);
    }
    for (Alert alert : alerts) {
      counters.alert(alert);
      var alertRecord = new Record<String, Object>(alert.getAlertId(), alert, record.timestamp());
      for (String child : wiring.alertsChildren()) {
        context.forward(alertRecord, child);
      }
    }
  }

  private static <S> List<Alert> evaluate(AccountRule<S> rule, AccountState state, AuditEvent e) {
    String ruleId = rule.descriptor().id();
    byte[] stored = state.ruleState(ruleId);
    S ruleState = stored == null ? rule.newState() : rule.codec().decode(stored);
    List<Alert> alerts = rule.evaluate(ruleState, e);
    state.ruleState(ruleId, rule.isEmpty(ruleState) ? null : rule.codec().encode(ruleState));
    return alerts;
  }
}
