package io.stormwatch.ingest.sink;

import java.util.Objects;

/**
 * The topics one ingestion writes.
 *
 * @param raw the raw topic records go to ({@code m365.audit.raw} or {@code entra.signin.raw})
 * @param deadLetters the dead-letter topic ({@code audit.dlq})
 * @param checkpoints the compacted topic holding how far each source has been read
 */
public record IngestTopics(String raw, String deadLetters, String checkpoints) {
  public IngestTopics {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(deadLetters, "deadLetters");
    Objects.requireNonNull(checkpoints, "checkpoints");
  }
}
