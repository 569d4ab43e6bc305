package io.stormwatch.detector.lateness;

import io.stormwatch.schemas.avro.AuditEvent;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sends an event to the detections unless it is older than its account's latest event minus the
 * grace period; such late events go to the late topic instead, kept and never silently dropped.
 *
 * <p>The watermark is per account rather than Kafka Streams' per-task stream time: an account's
 * events arrive in a deterministic order, while the interleaving of many accounts in one task
 * depends on timing. Per-account lateness therefore gives the same verdicts at any replay speed.
 */
public final class LatenessGate implements Processor<String, AuditEvent, String, AuditEvent> {

  private final long graceMs;
  private final String watermarkStoreName;
  private final String lateChild;
  private final List<String> onTimeChildren;
  private ProcessorContext<String, AuditEvent> context;
  private KeyValueStore<String, Long> watermarks;

  public LatenessGate(
      Duration grace, String watermarkStoreName, String lateChild, List<String> onTimeChildren) {
    this.graceMs = grace.toMillis();
    this.watermarkStoreName = watermarkStoreName;
    this.lateChild = lateChild;
    this.onTimeChildren = List.copyOf(onTimeChildren);
  }

  @Override
  public void init(ProcessorContext<String, AuditEvent> context) {
    this.context = context;
    this.watermarks = context.getStateStore(watermarkStoreName);
  }

  @Override
  public void process(Record<String, AuditEvent> record) {
    long time = record.value().getEventTime().toEpochMilli();
    Long watermark = watermarks.get(record.key());
    if (watermark != null && time < watermark - graceMs) {
      context.forward(record, lateChild);
      return;
    }
    if (watermark == null || time > watermark) {
      watermarks.put(record.key(), time);
    }
    for (String child : onTimeChildren) {
      context.forward(record, child);
    }
  }
}
