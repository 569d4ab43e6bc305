package io.stormwatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stormwatch.formats.common.AuditJson;
import io.stormwatch.formats.common.RecordLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectiveTreeReaderTest {

  private final SelectiveTreeReader reader =
      new SelectiveTreeReader(
          AuditJson.newMapper(),
          RecordLimits.DEFAULTS,
          Set.of("Id", "RecordType", "Actor"),
          Set.of("Folders"));

  @Test
  void keepsOnlyTheSelectedFieldsWhenSelectedValuesAreNumbersAndObjects() throws IOException {
    JsonNode tree =
        read(
            "{\"Id\":\"1\",\"RecordType\":50,\"Actor\":{\"ID\":\"a\",\"Type\":0},"
                + "\"Unused\":{\"x\":[1,2]},\"Folders\":[{\"a\":1},{\"b\":2}],\"Tail\":7}");

    // The full reader, the fallback for anything odd, would have kept Unused and Tail.
    assertThat(tree.properties())
        .extracting(e -> e.getKey())
        .containsExactlyInAnyOrder("Id", "RecordType", "Actor", "Folders");
    assertThat(tree.get("RecordType").intValue()).isEqualTo(50);
    assertThat(tree.get("Actor").get("ID").textValue()).isEqualTo("a");
    assertThat(tree.get("Folders")).hasSize(2);
  }

  @Test
  void readsInFullWhatIsNotALoneObject() throws IOException {
    assertThat(read("[{\"Id\":\"1\",\"Unused\":2}]").get(0).has("Unused")).isTrue();
  }

  private JsonNode read(String json) throws IOException {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }
}
