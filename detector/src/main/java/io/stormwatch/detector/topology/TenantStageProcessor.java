package io.stormwatch.detector.topology;

import io.stormwatch.detector.metrics.PipelineCounters;
import io.stormwatch.detector.rules.TenantRule;
import io.stormwatch.detector.tenant.TenantStage;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs the {@link TenantStage} inside Kafka Streams, in the task where a tenant's raw records meet:
 * forwards each event, annotated with tenant context, to the normalised topic and to the account
 * detections, and the tenant-level alerts (those an event raises at once, then those due token uses
 * raise) to the alerts topic (and its OCSF copy).
 */
final class TenantStageProcessor implements Processor<String, AuditEvent, String, Object> {

  /** Names of the stores and children this processor uses. */
  record Wiring(
      String contextStore,
      String issuanceStore,
      String pendingStore,
      String eventsChild,
      String accountsChild,
      List<String> alertsChildren) {}

  private final Wiring wiring;
  private final List<TenantRule> rules;
  private ProcessorContext<String, Object> context;
  private TenantStage stage;
  private PipelineCounters counters;

  TenantStageProcessor(Wiring wiring, List<TenantRule> rules) {
    this.wiring = wiring;
    this.rules = List.copyOf(rules);
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.stage =
        new TenantStage(
            KafkaTenantState.context(context.getStateStore(wiring.contextStore())),
            KafkaTenantState.issuance(context.getStateStore(wiring.issuanceStore())),
            KafkaTenantState.pending(context.getStateStore(wiring.pendingStore())),
            rules);
    this.counters =
        PipelineCounters.of(context.metrics())
            .withAlertRules(rules.stream().map(rule -> rule.descriptor().id()).toList());
  }

  @Override
  public void process(Record<String, AuditEvent> record) {
    AuditEvent event = record.value();
    List<Alert> raised = stage.process(event);
    Record<String, Object> annotated = record.withValue(event);
    context.forward(annotated, wiring.eventsChild());
    context.forward(annotated, wiring.accountsChild());
    for (Alert alert : raised) {
      forward(alert, record.timestamp());
    }
    // Not a stream-time punctuator: see TenantStage#streamTimeReached.
    long streamTime = context.currentStreamTimeMs();
    for (Alert alert : stage.streamTimeReached(streamTime)) {
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
}
