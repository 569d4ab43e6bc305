package io.stormwatch.ingest.o365;

/**
 * The Management Activity API answered with an error; the message has the HTTP status, the API's
 * error code ({@code AF20022}, ...) and message, and the operation.
 */
public class ManagementApiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public ManagementApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status, or -1 when the failure had none. */
  public int status() {
    return status;
  }

  /** The API's error code, empty when it sent none. */
  public String code() {
    return code;
  }
}
