package io.stormwatch.ingest.auth;

/** Entra ID refused to issue a token; the message carries its error, never a secret. */
public final class AuthenticationException extends Exception {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }
}
