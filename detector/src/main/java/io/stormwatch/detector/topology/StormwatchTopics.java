package io.stormwatch.detector.topology;

import io.stormwatch.detector.config.TopicNames;
import io.stormwatch.detector.ocsf.DetectionFinding;
import io.stormwatch.detector.ocsf.OcsfJson;
import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.serde.AvroSerdes;
import io.stormwatch.schemas.serde.SchemaResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics of the pipeline with their serdes. Raw and dead-letter topics are read and written as
 * bytes, so that no input, however malformed, can fail deserialization. The OCSF alerts topic
 * exists only when configured; the normalised events topic is written only when {@code
 * eventsWritten}.
 */
public record StormwatchTopics(
    TopicDescriptor<byte[], byte[]> ualRaw,
    TopicDescriptor<byte[], byte[]> signInRaw,
    TopicDescriptor<String, AuditEvent> events,
    TopicDescriptor<byte[], byte[]> deadLetters,
    TopicDescriptor<String, AuditEvent> late,
    TopicDescriptor<String, Alert> alerts,
    Optional<TopicDescriptor<String, DetectionFinding>> ocsfAlerts,
    boolean eventsWritten) {

  public static StormwatchTopics of(TopicNames names, SchemaResolver resolver) {
    var events = AvroSerdes.of(AuditEvent.class, resolver);
    return new StormwatchTopics(
        new TopicDescriptor<>(names.ualRaw(), Serdes.ByteArray(), Serdes.ByteArray()),
        new TopicDescriptor<>(names.signInRaw(), Serdes.ByteArray(), Serdes.ByteArray()),
        new TopicDescriptor<>(names.events(), Serdes.String(), events),
        new TopicDescriptor<>(names.deadLetters(), Serdes.ByteArray(), Serdes.ByteArray()),
        new TopicDescriptor<>(names.late(), Serdes.String(), events),
        new TopicDescriptor<>(
            names.alerts(), Serdes.String(), AvroSerdes.of(Alert.class, resolver)),
        names
            .ocsfAlerts()
            .map(name -> new TopicDescriptor<>(name, Serdes.String(), OcsfJson.serde())),
        names.eventsWritten());
  }

  /** The Avro schema of the values of each topic written in Avro, by topic name. */
  public Map<String, Schema> avroValueSchemas() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    if (eventsWritten) {
      schemas.put(events.name(), AuditEvent.getClassSchema());
    }
    schemas.put(late.name(), AuditEvent.getClassSchema());
    schemas.put(alerts.name(), Alert.getClassSchema());
    return schemas;
  }
}
