package io.stormwatch.kafka.embedded;

/**
 * The embedded broker could not be started: bad settings, storage that cannot be formatted, or a
 * broker that did not come up.
 */
public final class EmbeddedKafkaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmbeddedKafkaException(String message) {
    super(message);
  }

  public EmbeddedKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
