package io.stormwatch.detector.rules;

import io.stormwatch.schemas.avro.AuditEvent;

/** How many mail items a MailItemsAccessed record stands for. */
public final class MailItems {

  private MailItems() {}

  /**
   * A bind's OperationCount, a sync's folders; at least one, since the record says something was
   * read.
   */
  public static long of(AuditEvent event) {
    return Math.max(1, isSync(event) ? event.getFolderCount() : event.getOperationCount());
  }

  /**
   * Items a bind record read one by one: its OperationCount, at least one; none for a sync. A sync
   * stands for whole folders downloaded by a desktop client, which every new device does once for
   * the whole mailbox: its volume says nothing, where it comes from does (foreign-mailbox-sync).
   */
  public static long bound(AuditEvent event) {
    return isSync(event) ? 0 : Math.max(1, event.getOperationCount());
  }

  /** Whether the record is a sync (MailAccessType=Sync): one record per whole folder. */
  public static boolean isSync(AuditEvent event) {
    return "Sync".equalsIgnoreCase(event.getMailAccessType());
  }
}
