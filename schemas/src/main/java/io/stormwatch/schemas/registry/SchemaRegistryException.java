package io.stormwatch.schemas.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The Schema Registry could not be reached, refused a request or rejected a schema. The message
 * names the registry URL and the subject or id concerned, never credentials.
 */
public class SchemaRegistryException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private final int status;

  SchemaRegistryException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  SchemaRegistryException(String message, int status) {
    super(message);
    this.status = status;
  }

  /** The HTTP status the registry answered with, or 0 if it did not answer. */
  public int status() {
    return status;
  }
}
