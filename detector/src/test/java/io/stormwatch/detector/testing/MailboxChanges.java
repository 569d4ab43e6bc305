package io.stormwatch.detector.testing;

import io.stormwatch.detector.testing.Events.Net;
import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.EventSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builders of normalised Exchange configuration events that read like the domain: {@code
 * MailboxChanges.newInboxRule(ALICE).set("ForwardTo", "drop@proton.me").from(VPS_NL).at(t0)}.
 * Events come with the tenant context the tenant stage gives them: the tenant's mail domains are
 * {@code contoso.com} unless a test says otherwise.
 */
public final class MailboxChanges {

  private static final AtomicLong IDS = new AtomicLong();

  /** The mail domain of {@link Events#ALICE} and {@link Events#BOB}. */
  public static final String CONTOSO = "contoso.com";

  private MailboxChanges() {}

  /** {@code New-InboxRule}, as Outlook on the web or PowerShell records it. */
  public static Builder newInboxRule(String account) {
    return new Builder(account, EventKind.INBOX_RULE, "New-InboxRule", 1);
  }

  /** {@code Set-InboxRule}. */
  public static Builder setInboxRule(String account) {
    return new Builder(account, EventKind.INBOX_RULE, "Set-InboxRule", 1);
  }

  /**
   * {@code UpdateInboxRules} as Exchange records an Outlook rule change, with the cmdlet parameters
   * the normaliser derives from its actions set by the test.
   */
  public static Builder outlookRule(String account, String ruleOperation) {
    return new Builder(account, EventKind.INBOX_RULE, "UpdateInboxRules", 2)
        .set("RuleOperation", ruleOperation)
        .mailbox(account);
  }

  /** Any other Exchange admin cmdlet, e.g. {@code Set-Mailbox}. */
  public static Builder cmdlet(String account, String operation) {
    return new Builder(account, EventKind.EXCHANGE_ADMIN, operation, 1);
  }

  /** Fluent builder of one event; {@link #at} finishes it. */
  public static final class Builder {
    private final AuditEvent.Builder event;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private Builder(String account, EventKind kind, String operation, int recordType) {
      event =
          AuditEvent.newBuilder()
              .setEventId("cfg-" + IDS.incrementAndGet())
              .setSource(EventSource.UNIFIED_AUDIT_LOG)
              .setKind(kind)
              .setOperation(operation)
              .setRecordType(recordType)
              .setTenantId(Events.TENANT)
              .setAccountId(account)
              .setEventTime(Instant.EPOCH)
              .setTenantMailDomains(List.of(CONTOSO));
      from(Events.HOME_US);
    }

    /** The record's id, for a test that needs it fixed; otherwise ids are numbered. */
    public Builder id(String id) {
      event.setEventId(id);
      return this;
    }

    /** A parameter, as the cmdlet recorded it. */
    public Builder set(String name, String value) {
      parameters.put(name, value);
      return this;
    }

    public Builder from(Net net) {
      event
          .setClientIp(net.ip())
          .setAsn(net.asn())
          .setAsOrganisation(net.organisation())
          .setCountry(net.country());
      return this;
    }

    public Builder withToken(String uti) {
      event.setUniqueTokenId(uti);
      return this;
    }

    public Builder mailbox(String owner) {
      event.setMailboxOwner(owner);
      return this;
    }

    /** Tenant context: the mail domains the tenant's mailboxes were seen with. */
    public Builder tenantDomains(String... domains) {
      event.setTenantMailDomains(List.of(domains));
      return this;
    }

    public AuditEvent at(Instant time) {
      return event.setParameters(Map.copyOf(parameters)).setEventTime(time).build();
    }
  }
}
