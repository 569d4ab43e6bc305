package io.stormwatch.schemas.registry;

import io.stormwatch.schemas.serde.SchemaResolver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Schema ids from a Confluent-compatible Schema Registry: a schema written under a subject is
 * registered there (the registry answers with the existing id when it knows the schema), and a
 * writer schema is fetched by the id a record carries. Both answers are cached for the life of the
 * resolver, so the registry is asked once per subject and schema and once per id: an id never
 * changes meaning in a registry.
 *
 * <p>Thread-safe; two threads missing the cache at once may both ask the registry, which answers
 * both the same.
 */
public final class RegistrySchemaResolver implements SchemaResolver {

  private record SubjectSchema(String subject, Schema schema) {}

  private final SchemaRegistryClient client;
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public RegistrySchemaResolver(SchemaRegistryClient client) {
    this.client = client;
  }

  public RegistrySchemaResolver(SchemaRegistrySettings settings) {
    this(new SchemaRegistryClient(settings));
  }

  /**
   * {@inheritDoc}
   *
   * @throws SchemaRegistryException if the registry cannot be reached or rejects the schema
   */
  @Override
  public int idFor(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer known = idsBySubjectSchema.get(key);
    if (known != null) {
      return known;
    }
    int id = client.register(subject, schema);
    idsBySubjectSchema.putIfAbsent(key, id);
    // The registry holds this schema under the id: a record written with it reads back offline.
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  /**
   * {@inheritDoc}
   *
   * @throws SchemaRegistryException if the registry cannot be reached or does not know the id
   */
  @Override
  public Schema schemaFor(int id) {
    Schema known = schemasById.get(id);
    if (known != null) {
      return known;
    }
    Schema schema = client.schemaById(id);
    Schema raced = schemasById.putIfAbsent(id, schema);
    return raced != null ? raced : schema;
  }

  /** Where the registry is, for messages. */
  public String describe() {
    return "Schema Registry at " + client.settings().describeUrls();
  }

  @Override
  public String toString() {
    return "RegistrySchemaResolver[" + client.settings().describeUrls() + "]";
  }
}
