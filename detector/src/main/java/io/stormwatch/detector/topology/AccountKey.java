package io.stormwatch.detector.topology;

import io.stormwatch.schemas.avro.AuditEvent;

/** The key of per-account topics and state: {@code tenant/account}. */
public final class AccountKey {

  private AccountKey() {}

  public static String of(AuditEvent event) {
    return event.getTenantId() + "/" + event.getAccountId();
  }
}
