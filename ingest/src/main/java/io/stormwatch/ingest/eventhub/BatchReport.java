package io.stormwatch.ingest.eventhub;

/**
 * What one committed batch of events did.
 *
 * @param events Event Hub events read
 * @param records sign-in records committed to the raw topic
 * @param deadLetters records or events committed to the dead-letter topic
 * @param ignored records of other categories, left out
 */
public record BatchReport(long events, long records, long deadLetters, long ignored) {

  public static final BatchReport NONE = new BatchReport(0, 0, 0, 0);

  public BatchReport plus(BatchReport other) {
    return new BatchReport(
        events + other.events,
        records + other.records,
        deadLetters + other.deadLetters,
        ignored + other.ignored);
  }
}
