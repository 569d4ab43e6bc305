package io.stormwatch.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a generated Avro record in the Confluent wire format, with the schema id of subject {@code
 * <topic>-value} (TopicNameStrategy).
 *
 * <p>Thread-safe: Kafka Streams shares one serializer instance across all tasks of a sink node.
 */
public final class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final Schema schema;
  private final SchemaResolver resolver;
  private final SpecificDatumWriter<T> writer;
  private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();
  // Resolving an id fingerprints the schema; a serializer writes one schema, so once per topic.
  private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

  public ConfluentAvroSerializer(Schema schema, SchemaResolver resolver) {
    TrustedGeneratedClasses.ensureTrusted();
    this.schema = schema;
    this.resolver = resolver;
    this.writer = new SpecificDatumWriter<>(schema);
  }

  /** The registry subject of values written to {@code topic}: {@code <topic>-value}. */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    int id = idsByTopic.computeIfAbsent(topic, t -> resolver.idFor(valueSubject(t), schema));
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(ConfluentWireFormat.MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, encoders.get());
    encoders.set(encoder);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Could not write " + schema.getFullName() + " for " + topic, e);
    }
    return out.toByteArray();
  }
}
