package io.stormwatch.cli.alerts;

import java.util.Locale;
import java.util.Map;

/** When to colour the output, as {@code --color=WHEN} says. */
enum ColourChoice {
  /** When standard output is a terminal, unless NO_COLOR is set or TERM is dumb. */
  AUTO,
  ALWAYS,
  NEVER;

  /**
   * @throws IllegalArgumentException naming the choices there are
   */
  static ColourChoice parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a colour choice: write auto, always or never", e);
    }
  }

  /** Whether to colour, given whether standard output is a terminal and the environment. */
  boolean colours(boolean stdoutIsTerminal, Map<String, String> environment) {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO ->
          stdoutIsTerminal
              && environment.getOrDefault("NO_COLOR", "").isEmpty()
              && !"dumb".equals(environment.get("TERM"));
    };
  }
}
