package io.stormwatch.formats.common;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Thrown while reading a record that breaks one of the {@code RecordLimits}. */
public final class LimitExceededException extends JsonProcessingException {
  private static final long serialVersionUID = 1L;

  private final transient StructureLimits.Violation violation;

  LimitExceededException(StructureLimits.Violation violation) {
    super(violation.reason());
    this.violation = violation;
  }

  public RejectionType type() {
    return violation.type();
  }

  public String reason() {
    return violation.reason();
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    // Bad input, not a bug: no stack trace to build for every hostile record.
    return this;
  }
}
