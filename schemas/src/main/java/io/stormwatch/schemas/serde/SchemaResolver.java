package io.stormwatch.schemas.serde;

import org.apache.avro.Schema;

/**
 * Maps Avro schemas to the 4-byte ids of the Confluent wire format and back.
 *
 * <p>The embedded default ({@link BundledSchemaResolver}) knows the schemas shipped in this build;
 * a Schema Registry client (Confluent, Apicurio ccompat, Karapace, Redpanda) implements the same
 * two calls over REST.
 */
public interface SchemaResolver {

  /**
   * Returns the id under which records written with {@code schema} are to be tagged.
   *
   * @param subject the registry subject, e.g. {@code alerts-value}
   * @throws org.apache.kafka.common.errors.SerializationException if the schema has no id
   */
  int idFor(String subject, Schema schema);

  /**
   * Returns the writer schema that {@code id} stands for.
   *
   * @throws org.apache.kafka.common.errors.SerializationException if the id is unknown
   */
  Schema schemaFor(int id);
}
