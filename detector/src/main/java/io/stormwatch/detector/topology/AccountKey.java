package io.stormwatch.detector.topology;

import io.stormwatch.schemas.avro.AuditEvent;

/** The key of per-account topics and state: {@code tenant/account}. */
public final class AccountKey {

  private AccountKey() {}

  public static String of(AuditEvent event) {
    return of(event.getTenantId(), event.getAccountId());
  }

  public static String of(String tenantId, String accountId) {
    return tenantId + "/" + accountId;
  }
}
