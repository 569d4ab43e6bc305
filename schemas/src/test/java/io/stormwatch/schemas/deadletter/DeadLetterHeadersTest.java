package io.stormwatch.schemas.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.schemas.avro.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

  @Test
  void readsBackTheReasonAndOriginItWrote() {
    var headers = new RecordHeaders();
    DeadLetterHeaders.write(
        headers, "missing-field", "CreationTime missing", "m365.audit.raw", 2, 417L);

    DeadLetter letter =
        DeadLetterHeaders.read(headers, "{\"Id\":\"x\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(letter.getReason()).isEqualTo("CreationTime missing");
    assertThat(letter.getErrorType()).isEqualTo("missing-field");
    assertThat(letter.getSourceTopic()).isEqualTo("m365.audit.raw");
    assertThat(letter.getSourcePartition()).isEqualTo(2);
    assertThat(letter.getSourceOffset()).isEqualTo(417L);
    assertThat(StandardCharsets.UTF_8.decode(letter.getPayload()).toString())
        .isEqualTo("{\"Id\":\"x\"}");
  }

  @Test
  void understandsTheHeadersKafkaStreamsWritesForItsOwnDeadLetters() {
    var headers = new RecordHeaders();
    headers.add(
        "__streams.errors.exception",
        bytes("org.apache.kafka.common.errors.SerializationException"));
    headers.add("__streams.errors.message", bytes("Unknown magic byte!"));
    headers.add("__streams.errors.topic", bytes("audit.events"));
    headers.add("__streams.errors.partition", bytes("1"));
    headers.add("__streams.errors.offset", bytes("99"));

    DeadLetter letter = DeadLetterHeaders.read(headers, new byte[] {1, 2});

    assertThat(letter.getReason()).isEqualTo("Unknown magic byte!");
    assertThat(letter.getErrorType()).endsWith("SerializationException");
    assertThat(letter.getSourceTopic()).isEqualTo("audit.events");
    assertThat(letter.getSourcePartition()).isEqualTo(1);
    assertThat(letter.getSourceOffset()).isEqualTo(99L);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
