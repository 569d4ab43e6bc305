package io.stormwatch.formats.common;

import com.fasterxml.jackson.core.JsonToken;
import java.util.Arrays;

/**
 * Follows the tokens of one record and tells the first nesting or array limit they break. It sees
 * every token, also those of values nobody reads, so a limit holds whatever a reader skips. Not
 * thread-safe: one instance per record.
 */
public final class StructureLimits {

  /** A limit a record broke. */
  public record Violation(RejectionType type, String reason) {}

  private final int maxDepth;
  private final int maxElements;

  /** Elements seen so far in the open container at each depth; -1 marks an object. */
  private int[] elements = new int[8];

  private int depth;

  public StructureLimits(RecordLimits limits) {
    this.maxDepth = limits.maxNestingDepth();
    this.maxElements = limits.maxArrayElements();
  }

  /**
   * Accounts for the next token of the record.
   *
   * @return the limit this token breaks, or null
   */
  public Violation accept(JsonToken token) {
    if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
      depth = Math.max(0, depth - 1);
      return null;
    }
    if (token == JsonToken.FIELD_NAME) {
      return null;
    }
    // Beyond the nesting limit (already reported) only the depth is followed.
    boolean counted = depth > 0 && depth <= maxDepth && elements[depth] >= 0;
    if (counted && ++elements[depth] > maxElements) {
      return new Violation(
          RejectionType.ARRAY_TOO_LONG,
          "an array holds more than " + maxElements + " elements, the limit");
    }
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      depth++;
      if (depth > maxDepth) {
        return new Violation(
            RejectionType.TOO_DEEP, "objects and arrays nest deeper than " + maxDepth + " levels");
      }
      if (depth == elements.length) {
        elements = Arrays.copyOf(elements, Math.min(elements.length * 2, maxDepth + 1));
      }
      elements[depth] = token == JsonToken.START_ARRAY ? 0 : -1;
    }
    return null;
  }
}
