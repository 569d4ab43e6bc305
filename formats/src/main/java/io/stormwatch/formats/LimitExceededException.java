package io.stormwatch.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stormwatch.formats.common.RejectionType;

/** Thrown while reading a record that breaks one of the {@code RecordLimits}. */
final class LimitExceededException extends JsonProcessingException {
  private static final long serialVersionUID = 1L;

  private final transient StructureLimits.Violation violation;

  LimitExceededException(StructureLimits.Violation violation) {
    super(violation.reason());
    this.violation = violation;
  }

  RejectionType type() {
    return violation.type();
  }

  String reason() {
    return violation.reason();
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    // Bad input, not a bug: no stack trace to build for every hostile record.
    return this;
  }
}
