package io.stormwatch.formats.common;

/**
 * How much one raw message and one record may hold, so that the work and memory spent on any input
 * are bounded whatever it contains. Input beyond a limit is rejected with its own {@link
 * RejectionType}, never read in full.
 *
 * <p>Real records are far inside the defaults: the largest Microsoft record in the conformance
 * corpus is 12 KB, nests 5 levels and holds arrays of at most 38 elements.
 *
 * @param maxMessageBytes a raw message (one record, a content blob or an envelope) larger than this
 *     is rejected whole ({@link RejectionType#MESSAGE_TOO_LARGE}) before any parsing
 * @param maxRecordBytes a record (a whole message, or one element of a blob or envelope) larger
 *     than this is rejected ({@link RejectionType#TOO_LARGE}) before its values are read
 * @param maxNestingDepth a record whose objects and arrays nest deeper than this (the record itself
 *     is level 1) is rejected ({@link RejectionType#TOO_DEEP})
 * @param maxArrayElements a record holding an array with more elements than this is rejected
 *     ({@link RejectionType#ARRAY_TOO_LONG}); so are the records of a blob or envelope beyond this
 *     many
 */
public record RecordLimits(
    int maxMessageBytes, int maxRecordBytes, int maxNestingDepth, int maxArrayElements) {

  /** The largest nesting depth that may be configured; Jackson's own limit sits just above. */
  public static final int MAX_CONFIGURABLE_NESTING_DEPTH = 999;

  /** 16 MiB messages, 1 MiB records, 64 levels, 10,000 array elements. */
  public static final RecordLimits DEFAULTS =
      new RecordLimits(16 * 1024 * 1024, 1024 * 1024, 64, 10_000);

  /**
   * @throws IllegalArgumentException if a limit is not positive, a record may be larger than a
   *     message, or the nesting depth is out of 2..{@value #MAX_CONFIGURABLE_NESTING_DEPTH}
   */
  public RecordLimits {
    if (maxMessageBytes < 1 || maxRecordBytes < 1 || maxArrayElements < 1) {
      throw new IllegalArgumentException(
          "record limits must be positive: "
              + maxMessageBytes
              + " message bytes, "
              + maxRecordBytes
              + " record bytes, "
              + maxArrayElements
              + " array elements");
    }
    if (maxRecordBytes > maxMessageBytes) {
      throw new IllegalArgumentException(
          "a record ("
              + maxRecordBytes
              + " bytes) may not be larger than a message ("
              + maxMessageBytes
              + " bytes)");
    }
    if (maxNestingDepth < 2 || maxNestingDepth > MAX_CONFIGURABLE_NESTING_DEPTH) {
      throw new IllegalArgumentException(
          "nesting depth must be between 2 and "
              + MAX_CONFIGURABLE_NESTING_DEPTH
              + ", was "
              + maxNestingDepth);
    }
  }
}
