package io.stormwatch.cli.alerts;

/** ANSI colours by OCSF severity: the worse, the louder. */
final class SeverityColours {

  private static final String RESET = "\u001B[0m";

  private SeverityColours() {}

  /** {@code line} in the colour of {@code severityId}; informational and unknown stay plain. */
  static String paint(int severityId, String line) {
    String colour =
        switch (severityId) {
          case 5, 6 -> "\u001B[1;31m"; // Critical, Fatal: bold red
          case 4 -> "\u001B[31m"; // High: red
          case 3 -> "\u001B[33m"; // Medium: yellow
          case 2 -> "\u001B[36m"; // Low: cyan
          default -> null;
        };
    return colour == null ? line : colour + line + RESET;
  }
}
