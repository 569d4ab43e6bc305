package io.stormwatch.sim.event;

/** The diagnostic-settings category of an Entra sign-in record. */
public enum SignInCategory {
  /** A user signed in interactively. */
  INTERACTIVE_USER("SignInLogs"),
  /** A client redeemed a refresh token or authorisation code for a user, without prompting. */
  NON_INTERACTIVE_USER("NonInteractiveUserSignInLogs"),
  /** An application signed in as itself (client credentials). */
  SERVICE_PRINCIPAL("ServicePrincipalSignInLogs");

  private final String category;

  SignInCategory(String category) {
    this.category = category;
  }

  /** The {@code category} value. */
  public String category() {
    return category;
  }
}
