package io.stormwatch.traffic.export;

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
    return LayoutNames.parse(SignInLayout.class, SignInLayout::label, text, "sign-in layout");
  }
}
