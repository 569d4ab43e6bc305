package io.stormwatch.sim.event;

/** The {@code MailAccessType} operation property of a MailItemsAccessed record. */
public enum MailAccessType {
  /** Individual items were opened; {@code Folders[].FolderItems[]} lists them. */
  BIND("Bind"),
  /** A client synchronised whole folders; only the folders are listed. */
  SYNC("Sync");

  private final String auditValue;

  MailAccessType(String auditValue) {
    this.auditValue = auditValue;
  }

  /** The value as Exchange writes it. */
  public String auditValue() {
    return auditValue;
  }
}
