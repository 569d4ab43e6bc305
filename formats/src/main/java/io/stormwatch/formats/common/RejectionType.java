package io.stormwatch.formats.common;

/** Why a record was refused; {@link #code()} is the stable name used in metrics and DLQ headers. */
public enum RejectionType {
  /** The message is not well-formed JSON, or is empty. */
  NOT_JSON("not-json"),
  /** The message or array element is JSON, but not a JSON object. */
  NOT_AN_OBJECT("not-an-object"),
  /** A required field is absent, null or empty. */
  MISSING_FIELD("missing-field"),
  /** A required field is present with a type that cannot carry its value, e.g. an object. */
  WRONG_TYPE("wrong-type"),
  /** The event time is present but is not a time in any format Microsoft writes. */
  BAD_TIME("bad-time"),
  /** The record is larger than {@link RecordLimits#maxRecordBytes()}. */
  TOO_LARGE("too-large"),
  /** The whole message is larger than {@link RecordLimits#maxMessageBytes()}. */
  MESSAGE_TOO_LARGE("message-too-large"),
  /** The record nests deeper than {@link RecordLimits#maxNestingDepth()}. */
  TOO_DEEP("too-deep"),
  /**
   * The record holds an array longer than {@link RecordLimits#maxArrayElements()}, or is an element
   * of a blob or envelope beyond that many.
   */
  ARRAY_TOO_LONG("array-too-long"),
  /** A compressed file expanded like a decompression bomb; the rest of it is not read. */
  DECOMPRESSION_BOMB("decompression-bomb"),
  /** The event time is further ahead of the clock than the pipeline accepts. */
  FUTURE_TIME("future-time"),
  /** The event time is before the earliest the pipeline accepts (an unset time, e.g. 1970). */
  BEFORE_EARLIEST_TIME("before-earliest-time"),
  /** The JSON object has a shape this parser does not read, e.g. a record of the other log. */
  UNSUPPORTED_SHAPE("unsupported-shape"),
  /** The parser failed unexpectedly; the reason names the failure. */
  INTERNAL_ERROR("internal-error");

  private final String code;

  RejectionType(String code) {
    this.code = code;
  }

  /**
   * Returns the kebab-case name of this type.
   *
   * @return e.g. {@code "missing-field"}
   */
  public String code() {
    return code;
  }
}
