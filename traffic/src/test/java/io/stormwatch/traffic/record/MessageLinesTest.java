package io.stormwatch.traffic.record;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.traffic.record.MessageLines.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageLinesTest {

  private final MessageLines lines = new MessageLines();

  @Test
  void writesARecordOnOneLineAsItIs() {
    String record = "{\"Id\":\"1\",\"SizeInBytes\":1156492.00,\"Path\":\"\\\\Inbox\"} ";

    MessageLines.Lines result = lines.of(bytes(record));

    assertThat(result.outcome()).isEqualTo(Outcome.AS_IS);
    assertThat(texts(result)).containsExactly(record);
  }

  @Test
  void splitsAContentBlobIntoItsRecordsKeepingEachRecordsBytes() {
    MessageLines.Lines result = lines.of(bytes("[{\"Id\":\"1\"} , {\"Id\" : \"2\"}]"));

    assertThat(result.outcome()).isEqualTo(Outcome.SPLIT);
    assertThat(texts(result)).containsExactly("{\"Id\":\"1\"}", "{\"Id\" : \"2\"}");
  }

  @Test
  void splitsEventHubAndGraphEnvelopes() {
    assertThat(texts(lines.of(bytes("{\"records\":[{\"time\":\"a\"},{\"time\":\"b\"}]}"))))
        .containsExactly("{\"time\":\"a\"}", "{\"time\":\"b\"}");
    assertThat(
            texts(
                lines.of(
                    bytes(
                        "{\"@odata.context\":\"x\",\"value\":[{\"id\":\"1\"}],\"@odata.nextLink\":\"y\"}"))))
        .containsExactly("{\"id\":\"1\"}");
  }

  @Test
  void leavesAnObjectThatMerelyStartsWithAnotherFieldWhole() {
    String record = "{\"time\":\"a\",\"records\":[1,2]}";

    assertThat(texts(lines.of(bytes(record)))).containsExactly(record);
  }

  @Test
  void removesLineBreaksOutsideStringsOnly() {
    MessageLines.Lines result = lines.of(bytes("{\r\n  \"Id\": \"a\\nb\",\n  \"n\": 1\n}"));

    assertThat(result.outcome()).isEqualTo(Outcome.LINE_BREAKS_REMOVED);
    assertThat(texts(result)).containsExactly("{  \"Id\": \"a\\nb\",  \"n\": 1}");
  }

  @Test
  void writesNothingForAnEmptyMessage() {
    assertThat(lines.of(null).outcome()).isEqualTo(Outcome.EMPTY);
    assertThat(lines.of(bytes(" \n")).lines()).isEmpty();
  }

  @Test
  void keepsBrokenJsonOnOneLineForTheReplayToDeadLetter() {
    MessageLines.Lines result = lines.of(bytes("[{\"Id\":\n\"1\""));

    assertThat(texts(result)).containsExactly("[{\"Id\":\"1\"");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static List<String> texts(MessageLines.Lines result) {
    return result.lines().stream().map(b -> new String(b, UTF_8)).toList();
  }
}
