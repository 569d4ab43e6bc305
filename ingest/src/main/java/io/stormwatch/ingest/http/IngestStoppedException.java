package io.stormwatch.ingest.http;

/** Unwinds a request that was waiting to be retried when the ingestion was asked to stop. */
public final class IngestStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IngestStoppedException() {
    super("stopped while waiting to retry a request");
  }
}
