package io.stormwatch.schemas.deadletter;

import io.stormwatch.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers of a record on the dead-letter topic. The value stays the original bytes; these
 * headers say why it was rejected and where it came from.
 *
 * <p>Records that Kafka Streams itself dead-letters (a deserialization or processing exception)
 * carry Kafka's own {@code __streams.errors.*} headers instead; {@link #read} understands both.
 */
public final class DeadLetterHeaders {

  public static final String REASON = "stormwatch.dlq.reason";
  public static final String ERROR_TYPE = "stormwatch.dlq.errorType";
  public static final String SOURCE_TOPIC = "stormwatch.dlq.sourceTopic";
  public static final String SOURCE_PARTITION = "stormwatch.dlq.sourcePartition";
  public static final String SOURCE_OFFSET = "stormwatch.dlq.sourceOffset";

  private static final String STREAMS_MESSAGE = "__streams.errors.message";
  private static final String STREAMS_EXCEPTION = "__streams.errors.exception";
  private static final String STREAMS_TOPIC = "__streams.errors.topic";
  private static final String STREAMS_PARTITION = "__streams.errors.partition";
  private static final String STREAMS_OFFSET = "__streams.errors.offset";

  private DeadLetterHeaders() {}

  /** Adds the headers describing why and from where a record was dead-lettered. */
  public static void write(
      Headers headers,
      String errorType,
      String reason,
      String sourceTopic,
      int sourcePartition,
      long sourceOffset) {
    headers
        .add(REASON, utf8(reason))
        .add(ERROR_TYPE, utf8(errorType))
        .add(SOURCE_TOPIC, utf8(sourceTopic))
        .add(SOURCE_PARTITION, utf8(Integer.toString(sourcePartition)))
        .add(SOURCE_OFFSET, utf8(Long.toString(sourceOffset)));
  }

  /** Reads a dead-letter record's headers and value into the typed view. */
  public static DeadLetter read(Headers headers, byte[] value) {
    Optional<String> reason = text(headers, REASON);
    if (reason.isPresent()) {
      return DeadLetter.newBuilder()
          .setReason(reason.get())
          .setErrorType(text(headers, ERROR_TYPE).orElse("unknown"))
          .setSourceTopic(text(headers, SOURCE_TOPIC).orElse(""))
          .setSourcePartition((int) number(headers, SOURCE_PARTITION))
          .setSourceOffset(number(headers, SOURCE_OFFSET))
          .setPayload(ByteBuffer.wrap(value == null ? new byte[0] : value))
          .build();
    }
    return DeadLetter.newBuilder()
        .setReason(text(headers, STREAMS_MESSAGE).orElse("no reason recorded"))
        .setErrorType(text(headers, STREAMS_EXCEPTION).orElse("unknown"))
        .setSourceTopic(text(headers, STREAMS_TOPIC).orElse(""))
        .setSourcePartition((int) number(headers, STREAMS_PARTITION))
        .setSourceOffset(number(headers, STREAMS_OFFSET))
        .setPayload(ByteBuffer.wrap(value == null ? new byte[0] : value))
        .build();
  }

  private static Optional<byte[]> bytes(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null || header.value() == null
        ? Optional.empty()
        : Optional.of(header.value());
  }

  private static Optional<String> text(Headers headers, String key) {
    return bytes(headers, key).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** Partition and offset travel as decimal text, as Kafka Streams writes its own. */
  private static long number(Headers headers, String key) {
    try {
      return text(headers, key).map(String::trim).map(Long::parseLong).orElse(-1L);
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
