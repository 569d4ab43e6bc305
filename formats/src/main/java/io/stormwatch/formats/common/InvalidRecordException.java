package io.stormwatch.formats.common;

import java.util.Objects;

/**
 * Thrown by record mappers when a record cannot be normalised; the parsers turn it into a
 * rejection.
 *
 * <p>It carries no stack trace: it reports bad input, not a bug, and bad input can be frequent.
 */
public final class InvalidRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  private final RejectionType type;

  /**
   * Creates the exception.
   *
   * @param type the category of the problem
   * @param reason what is wrong, precisely enough to fix the record
   */
  public InvalidRecordException(RejectionType type, String reason) {
    super(reason, null, false, false);
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * Returns the category of the problem.
   *
   * @return the rejection type
   */
  public RejectionType type() {
    return type;
  }

  /**
   * Returns what is wrong with the record.
   *
   * @return the reason, never null
   */
  public String reason() {
    return getMessage();
  }
}
