package io.stormwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.EventSource;
import io.stormwatch.schemas.avro.Evidence;
import io.stormwatch.schemas.avro.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {

  private final BundledSchemaResolver resolver = new BundledSchemaResolver();

  @Test
  void framesRecordsWithMagicByteAndBundledSchemaId() {
    var serde = AvroSerdes.of(AuditEvent.class, resolver);

    byte[] bytes = serde.serializer().serialize("audit.events", mailAccess());

    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt())
        .isEqualTo(resolver.idFor("audit.events-value", AuditEvent.getClassSchema()));
  }

  @Test
  void readsBackWhatItWrote() {
    var events = AvroSerdes.of(AuditEvent.class, resolver);
    var alerts = AvroSerdes.of(Alert.class, resolver);

    AuditEvent event = mailAccess();
    Alert alert = alert();

    assertThat(events.deserializer().deserialize("t", events.serializer().serialize("t", event)))
        .isEqualTo(event);
    assertThat(alerts.deserializer().deserialize("t", alerts.serializer().serialize("t", alert)))
        .isEqualTo(alert);
  }

  @Test
  void fillsDefaultsWhenTheWriterSchemaIsOlder() throws Exception {
    // An older writer of AuditEvent without the 'throttled' field, registered under its own id.
    Schema current = AuditEvent.getClassSchema();
    Schema older = withoutField(current, "throttled");
    SchemaResolver registry =
        new SchemaResolver() {
          @Override
          public int idFor(String subject, Schema schema) {
            return 7;
          }

          @Override
          public Schema schemaFor(int id) {
            return id == 7 ? older : current;
          }
        };
    GenericRecord old = new GenericData.Record(older);
    AuditEvent template = mailAccess();
    for (Schema.Field field : older.getFields()) {
      Object value = template.get(field.name());
      old.put(field.name(), value instanceof Instant i ? i.toEpochMilli() : value);
    }
    old.put(
        "source",
        new GenericData.EnumSymbol(older.getField("source").schema(), "UNIFIED_AUDIT_LOG"));
    old.put(
        "kind", new GenericData.EnumSymbol(older.getField("kind").schema(), "MAIL_ITEMS_ACCESSED"));
    byte[] framed = frame(7, old, older);

    AuditEvent read =
        new ConfluentAvroDeserializer<AuditEvent>(current, registry).deserialize("t", framed);

    assertThat(read.getThrottled()).isFalse();
    assertThat(read.getOperationCount()).isEqualTo(12);
  }

  @Test
  void rejectsBytesWithoutTheMagicByte() {
    var serde = AvroSerdes.of(AuditEvent.class, resolver);

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"Id\":1}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("magic byte");
  }

  @Test
  void namesUnknownSchemaIds() {
    var serde = AvroSerdes.of(AuditEvent.class, resolver);
    byte[] unknownId = {0, 0, 0, 0, 42, 2};

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", unknownId))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown schema id 42");
  }

  private static AuditEvent mailAccess() {
    return AuditEvent.newBuilder()
        .setEventId("5f8e2c1a-0000-4000-8000-000000000001")
        .setSource(EventSource.UNIFIED_AUDIT_LOG)
        .setKind(EventKind.MAIL_ITEMS_ACCESSED)
        .setOperation("MailItemsAccessed")
        .setRecordType(50)
        .setTenantId("contoso-tenant")
        .setAccountId("alice@contoso.example")
        .setEventTime(Instant.parse("2026-03-02T09:15:00Z"))
        .setClientIp("203.0.113.7")
        .setAsn(64500L)
        .setCountry("US")
        .setMailAccessType("Bind")
        .setOperationCount(12)
        .build();
  }

  private static Alert alert() {
    return Alert.newBuilder()
        .setAlertId("a1")
        .setRevision(1)
        .setRuleId("token-replay")
        .setRuleVersion(1)
        .setSeverity(Severity.HIGH)
        .setAttackTechniques(List.of("T1550.001"))
        .setTenantId("contoso-tenant")
        .setAccountId("alice@contoso.example")
        .setFirstEventTime(Instant.parse("2026-03-02T09:15:00Z"))
        .setLastEventTime(Instant.parse("2026-03-02T09:20:00Z"))
        .setSummary("Token used from two networks")
        .setEvidence(Evidence.newBuilder().setIps(List.of("192.0.2.1", "203.0.113.7")).build())
        .build();
  }

  private static Schema withoutField(Schema schema, String dropped) {
    List<Schema.Field> fields =
        schema.getFields().stream()
            .filter(f -> !f.name().equals(dropped))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static byte[] frame(int id, GenericRecord record, Schema schema) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
