package io.stormwatch.ingest.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSlicesTest {

  @Test
  void cutsEveryArrayElementOutWithItsOwnBytes() throws Exception {
    String blob = "[ {\"b\":1,\"a\":\"x\\\"y\\u00e9\"} ,\n  {\"n\":1.50, \"n\":2}\n]";

    assertThat(texts(JsonSlices.arrayElements(bytes(blob))))
        .containsExactly("{\"b\":1,\"a\":\"x\\\"y\\u00e9\"}", "{\"n\":1.50, \"n\":2}");
  }

  @Test
  void keepsScalarElementsWholeSoThatTheyCanBeRejectedWithTheirBytes() throws Exception {
    assertThat(texts(JsonSlices.arrayElements(bytes("[\"a,b\", 12 ,true,{\"x\":[1]}]"))))
        .containsExactly("\"a,b\"", "12", "true", "{\"x\":[1]}");
  }

  @Test
  void readsTheRecordsOfAnEnvelopeWhereverTheFieldIs() throws Exception {
    String envelope = "{\"meta\":{\"records\":[0]},\"records\":[{\"x\":1},{\"y\":2}],\"z\":[]}";

    assertThat(texts(JsonSlices.envelopeElements(bytes(envelope), "records")))
        .containsExactly("{\"x\":1}", "{\"y\":2}");
  }

  @Test
  void takesAnObjectWithoutTheEnvelopeFieldAsOneRecord() throws Exception {
    String record = "{\"time\":\"2026-03-03T10:00:00Z\",\"category\":\"SignInLogs\"}";

    assertThat(texts(JsonSlices.envelopeElements(bytes(record), "records")))
        .containsExactly(record);
  }

  @Test
  void refusesWhatIsNotWellFormedWithWhereItBroke() {
    assertThatThrownBy(() -> JsonSlices.arrayElements(bytes("[{\"a\":1},{\"b\":")))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining("at byte");
    assertThatThrownBy(() -> JsonSlices.arrayElements(bytes("[{\"a\":1}] trailing")))
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> JsonSlices.arrayElements(bytes("{\"a\":1}")))
        .hasMessageContaining("expected a JSON array, found an object");
    assertThatThrownBy(() -> JsonSlices.envelopeElements(bytes("42"), "records"))
        .hasMessageContaining("a number");
    assertThatThrownBy(() -> JsonSlices.arrayElements(new byte[0])).hasMessageContaining("empty");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static List<String> texts(List<byte[]> elements) {
    return elements.stream().map(b -> new String(b, UTF_8)).toList();
  }
}
