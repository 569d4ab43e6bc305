package io.stormwatch.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire format into a generated Avro class, resolving the writer schema by id and
 * projecting it onto the reader schema (Avro schema resolution), so older and newer writers are
 * read as long as the schemas are compatible.
 *
 * <p>Thread-safe: readers are cached per writer schema id and are themselves stateless.
 */
public final class ConfluentAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final Schema readerSchema;
  private final SchemaResolver resolver;
  private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

  public ConfluentAvroDeserializer(Schema readerSchema, SchemaResolver resolver) {
    TrustedGeneratedClasses.ensureTrusted();
    this.readerSchema = readerSchema;
    this.resolver = resolver;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = ConfluentWireFormat.schemaId(data);
    SpecificDatumReader<T> reader =
        readersByWriterId.computeIfAbsent(
            id, writerId -> new SpecificDatumReader<>(resolver.schemaFor(writerId), readerSchema));
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                data,
                ConfluentWireFormat.HEADER_SIZE,
                data.length - ConfluentWireFormat.HEADER_SIZE,
                decoders.get());
    decoders.set(decoder);
    try {
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Could not read "
              + readerSchema.getFullName()
              + " (writer schema id "
              + id
              + ") from "
              + topic,
          e);
    }
  }
}
