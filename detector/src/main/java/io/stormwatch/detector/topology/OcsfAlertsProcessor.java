package io.stormwatch.detector.topology;

import io.stormwatch.detector.ocsf.DetectionFinding;
import io.stormwatch.detector.ocsf.DetectionFindingMapper;
import io.stormwatch.schemas.avro.Alert;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns each alert revision into its OCSF Detection Finding, same key and timestamp. It runs in the
 * task that raised the alert, so both records are written in one transaction.
 */
final class OcsfAlertsProcessor implements Processor<String, Object, String, DetectionFinding> {

  private final DetectionFindingMapper mapper;
  private ProcessorContext<String, DetectionFinding> context;

  OcsfAlertsProcessor(DetectionFindingMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void init(ProcessorContext<String, DetectionFinding> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Object> record) {
    context.forward(record.withValue(mapper.map((Alert) record.value())));
  }
}
