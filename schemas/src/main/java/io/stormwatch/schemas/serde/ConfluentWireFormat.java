package io.stormwatch.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format of an Avro record: magic byte 0, a big-endian 4-byte schema id, then
 * the Avro binary body. Schema Registry, Apicurio (ccompat), Karapace and Redpanda clients all read
 * it.
 */
public final class ConfluentWireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private ConfluentWireFormat() {}

  /** Writes the 5-byte header into {@code buffer} at its position. */
  public static void writeHeader(ByteBuffer buffer, int schemaId) {
    buffer.put(MAGIC_BYTE).putInt(schemaId);
  }

  /**
   * Reads the schema id from a framed record.
   *
   * @throws SerializationException if the bytes are too short or do not start with the magic byte
   */
  public static int schemaId(byte[] framed) {
    if (framed.length < HEADER_SIZE) {
      throw new SerializationException(
          "Not Confluent wire format: "
              + framed.length
              + " bytes, a header alone needs "
              + HEADER_SIZE);
    }
    if (framed[0] != MAGIC_BYTE) {
      throw new SerializationException(
          "Not Confluent wire format: first byte is "
              + framed[0]
              + ", expected magic byte "
              + MAGIC_BYTE);
    }
    return ByteBuffer.wrap(framed, 1, 4).getInt();
  }
}
