package io.stormwatch.cli.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColourChoiceTest {

  @Test
  void coloursATerminalOnly() {
    assertThat(ColourChoice.AUTO.colours(true, Map.of())).isTrue();
    assertThat(ColourChoice.AUTO.colours(false, Map.of())).isFalse();
  }

  @Test
  void respectsNoColorAndDumbTerminals() {
    assertThat(ColourChoice.AUTO.colours(true, Map.of("NO_COLOR", "1"))).isFalse();
    assertThat(ColourChoice.AUTO.colours(true, Map.of("NO_COLOR", ""))).isTrue();
    assertThat(ColourChoice.AUTO.colours(true, Map.of("TERM", "dumb"))).isFalse();
  }

  @Test
  void doesAsToldWhenToldAlwaysOrNever() {
    assertThat(ColourChoice.ALWAYS.colours(false, Map.of("NO_COLOR", "1"))).isTrue();
    assertThat(ColourChoice.NEVER.colours(true, Map.of())).isFalse();
  }

  @Test
  void colourIsLouderTheWorseTheSeverity() {
    assertThat(SeverityColours.paint(5, "x")).isEqualTo("\u001B[1;31mx\u001B[0m");
    assertThat(SeverityColours.paint(4, "x")).isEqualTo("\u001B[31mx\u001B[0m");
    assertThat(SeverityColours.paint(3, "x")).isEqualTo("\u001B[33mx\u001B[0m");
    assertThat(SeverityColours.paint(2, "x")).isEqualTo("\u001B[36mx\u001B[0m");
    assertThat(SeverityColours.paint(1, "x")).isEqualTo("x");
  }
}
