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
    boolean sync = "Sync".equalsIgnoreCase(event.getMailAccessType());
    return Math.max(1, sync ? event.getFolderCount() : event.getOperationCount());
  }
}
