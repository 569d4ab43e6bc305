package io.stormwatch.ingest.http;

import java.time.Duration;

/** A wait between attempts that a stop can cut short. */
@FunctionalInterface
public interface Pause {

  /**
   * Waits for {@code duration}.
   *
   * @return false if the ingestion was asked to stop meanwhile
   */
  boolean waitFor(Duration duration) throws InterruptedException;
}
