package io.stormwatch.traffic.publish;

/** Kafka rejected at least one simulated record; the cause is the first failure. */
public final class PublishException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
