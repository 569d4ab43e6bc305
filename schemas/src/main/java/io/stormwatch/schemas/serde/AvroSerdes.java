package io.stormwatch.schemas.serde;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Builds Confluent-wire-format serdes for the generated Avro classes. */
public final class AvroSerdes {

  private AvroSerdes() {}

  /** A serde for {@code type} whose schema ids come from {@code resolver}. */
  public static <T extends SpecificRecord> Serde<T> of(Class<T> type, SchemaResolver resolver) {
    var schema = SpecificData.get().getSchema(type);
    return Serdes.serdeFrom(
        new ConfluentAvroSerializer<>(schema, resolver),
        new ConfluentAvroDeserializer<>(schema, resolver));
  }
}
