package io.stormwatch.formats.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LenientNumbersTest {
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode node(String literal) throws Exception {
    return json.readTree(literal);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "6|6",
        "'\"6\"'|6",
        "'\"1.0\"'|1",
        "1156492.00|1156492",
        "'\"1e3\"'|1000",
        "'\"1000.0\"'|1000",
        "-1|-1",
        "'\"-1\"'|-1",
        "'\" 42 \"'|42",
        "'\"+7\"'|7",
        "1e2|100"
      })
  void readsWholeNumbersWrittenAnyWay(String literal, int expected) throws Exception {
    assertThat(LenientNumbers.intValue(node(literal))).hasValue(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "1.5",
        "\"1.5\"",
        "\"six\"",
        "\"\"",
        "true",
        "null",
        "{}",
        "[6]",
        "\"0x10\"",
        "\"1e999999999\"",
        "3000000000"
      })
  void refusesWhatIsNotAWholeInt(String literal) throws Exception {
    assertThat(LenientNumbers.intValue(node(literal))).isEmpty();
  }

  @Test
  void readsLongsBeyondTheIntRange() throws Exception {
    assertThat(LenientNumbers.longValue(node("36787265537"))).hasValue(36787265537L);
    assertThat(LenientNumbers.longValue(node("\"9223372036854775807\""))).hasValue(Long.MAX_VALUE);
    assertThat(LenientNumbers.longValue(node("\"9223372036854775808\""))).isEmpty();
  }

  @Test
  void readsNothingFromNull() {
    assertThat(LenientNumbers.intValue(null)).isEmpty();
    assertThat(LenientNumbers.longValue((String) null)).isEmpty();
  }
}
