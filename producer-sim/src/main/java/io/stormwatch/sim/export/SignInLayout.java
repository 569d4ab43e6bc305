package io.stormwatch.sim.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How Entra ID sign-ins are laid out in files, as Microsoft's services deliver them. */
public enum SignInLayout {
  /** Diagnostic-settings records one per line, as a storage-account export holds them. */
  JSONL("jsonl"),
  /** Event Hub messages, each a {@code {"records":[...]}} envelope, one message per line. */
  EVENTHUB("eventhub"),
  /** Microsoft Graph {@code auditLogs/signIns} pages of {@code signIn} objects, newest first. */
  GRAPH("graph"),
  /**
   * A Log Analytics export: one JSON array of SigninLogs / AADNonInteractiveUserSignInLogs rows.
   */
  LOG_ANALYTICS("log-analytics");

  private final String label;

  SignInLayout(String label) {
    this.label = label;
  }

  /** The name used on the command line. */
  public String label() {
    return label;
  }

  /**
   * Reads a layout by its command-line name.
   *
   * @throws IllegalArgumentException naming the layouts there are
   */
  public static SignInLayout parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(l -> l.label.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + text + "' is not a sign-in layout; use one of " + labels()));
  }

  /** The command-line names, comma-separated. */
  public static String labels() {
    return Arrays.stream(values()).map(SignInLayout::label).collect(Collectors.joining(", "));
  }
}
