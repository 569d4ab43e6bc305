package io.stormwatch.schemas.serde;

import io.stormwatch.schemas.avro.Alert;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.DeadLetter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Resolves schema ids from the schemas compiled into this build, without a registry.
 *
 * <p>Ids are fixed per schema so that a record written by one Stormwatch process can be read by
 * another of the same build. Ids start at 1001 to stay clear of the low ids a fresh registry hands
 * out, which makes a mix-up with registry-assigned ids visible as an unknown id rather than a
 * silent misread.
 */
public final class BundledSchemaResolver implements SchemaResolver {

  private record Bundled(int id, Schema schema) {}

  private static final List<Bundled> BUNDLED =
      List.of(
          new Bundled(1001, AuditEvent.getClassSchema()),
          new Bundled(1002, Alert.getClassSchema()),
          new Bundled(1003, DeadLetter.getClassSchema()));

  private final Map<Integer, Schema> byId =
      BUNDLED.stream().collect(Collectors.toUnmodifiableMap(Bundled::id, Bundled::schema));
  private final Map<Long, Integer> idByFingerprint =
      BUNDLED.stream()
          .collect(
              Collectors.toUnmodifiableMap(b -> fingerprint(b.schema()), Bundled::id, (a, b) -> a));

  @Override
  public int idFor(String subject, Schema schema) {
    Integer id = idByFingerprint.get(fingerprint(schema));
    if (id == null) {
      throw new SerializationException(
          "Schema "
              + schema.getFullName()
              + " for subject "
              + subject
              + " is not bundled in this build");
    }
    return id;
  }

  @Override
  public Schema schemaFor(int id) {
    Schema schema = byId.get(id);
    if (schema == null) {
      throw new SerializationException(
          "Unknown schema id "
              + id
              + ": not one of the schemas bundled in this build "
              + byId.keySet()
              + "; point Stormwatch at the schema registry that wrote the record");
    }
    return schema;
  }

  /** The bundled schemas by id, for listing and for seeding a registry. */
  public Map<Integer, Schema> schemas() {
    return byId;
  }

  private static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }
}
