package io.stormwatch.traffic.export;

/** How Unified Audit Log records are laid out in files, as Microsoft's tools deliver them. */
public enum UalLayout {
  /** One record per line, as a script paging the Management Activity API writes them. */
  JSONL("jsonl"),
  /** Management Activity API content blobs: one JSON array of records per hour. */
  CONTENT_BLOB("content-blob"),
  /** A Purview audit search CSV export, newest first, the record in the AuditData column. */
  PURVIEW_CSV("purview-csv");

  private final String label;

  UalLayout(String label) {
    this.label = label;
  }

  /** The name used on the command line. */
  public String label() {
    return label;
  }

  /**
   * Reads a layout by its command-line name.
   *
   * @throws IllegalArgumentException naming the layouts there are
   */
  public static UalLayout parse(String text) {
    return LayoutNames.parse(UalLayout.class, UalLayout::label, text, "UAL layout");
  }
}
