package io.stormwatch.formats.files;

/** The layout of an audit file, detected from its first bytes. */
public enum FileFormat {
  /** One JSON record per line: UAL exports, diagnostic-settings blobs, Graph or sign-in dumps. */
  JSON_LINES,
  /** JSON values one after another, spanning lines (pretty-printed records). */
  JSON_VALUES,
  /** One JSON array of records: a Management Activity API content blob, a Log Analytics export. */
  JSON_ARRAY,
  /**
   * Objects holding the records in an array: Event Hub {@code records}, Graph page {@code value}.
   */
  JSON_ENVELOPE,
  /** A Purview audit search CSV export, whose AuditData column holds the UAL record. */
  PURVIEW_CSV,
  /** Nothing but whitespace. */
  EMPTY
}
