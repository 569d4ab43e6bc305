package io.stormwatch.ingest.o365;

/** A listed blob that can no longer be fetched: expired ({@code AF20051}) or gone. */
public final class ContentUnavailableException extends ManagementApiException {
  private static final long serialVersionUID = 1L;

  /** Error code of content older than the API keeps. */
  public static final String EXPIRED = "AF20051";

  public ContentUnavailableException(int status, String code, String message) {
    super(status, code, message);
  }

  public boolean expired() {
    return EXPIRED.equals(code());
  }
}
