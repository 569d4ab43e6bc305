package io.stormwatch.ingest.json;

/** A document that is not the JSON it should be; the message says what and where. */
public final class MalformedJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedJsonException(String message) {
    super(message);
  }
}
