package io.stormwatch.traffic.replay;

import java.util.Objects;

/**
 * Why the replayer sends a record to the dead-letter topic instead of a raw topic.
 *
 * @param errorType a stable kebab-case category, as the normaliser's ({@code not-json}, ...)
 * @param reason what is wrong with this record
 */
record Rejection(String errorType, String reason) {
  Rejection {
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(reason, "reason");
  }
}
