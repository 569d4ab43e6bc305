package io.stormwatch.detector.testing;

import io.stormwatch.schemas.avro.AuditEvent;
import io.stormwatch.schemas.avro.EventKind;
import io.stormwatch.schemas.avro.EventSource;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builders of normalised events that read like the domain: {@code
 * Events.mailBind(ALICE).items(40).from(VPS).withToken("t1").at(t0)}.
 */
public final class Events {

  private static final AtomicLong IDS = new AtomicLong();

  public static final String TENANT = "7d0c5c1a-0000-4000-8000-00000000c0de";
  public static final String ALICE = "alice@contoso.com";
  public static final String BOB = "bob@contoso.com";

  /** A network a test event comes from. */
  public record Net(String ip, Long asn, String organisation, String country) {
    public Net at(String otherIp) {
      return new Net(otherIp, asn, organisation, country);
    }
  }

  public static final Net HOME_US =
      new Net("73.22.10.5", 7922L, "Comcast Cable Communications, LLC", "US");
  public static final Net CARRIER_US = new Net("172.56.20.7", 21928L, "T-Mobile USA, Inc.", "US");
  public static final Net VPS_NL = new Net("188.166.1.20", 14061L, "DigitalOcean, LLC", "NL");
  public static final Net VPS_US = new Net("159.203.4.9", 14061L, "DigitalOcean, LLC", "US");
  public static final Net OFFICE_US = new Net("12.0.1.9", 7018L, "AT&T Services, Inc.", "US");
  public static final Net MICROSOFT = new Net("40.76.4.15", 8075L, "Microsoft Corporation", "US");
  public static final Net VPN_US = new Net("165.225.8.4", 53813L, "Zscaler, Inc.", "US");

  private Events() {}

  public static Builder signIn(String account) {
    return new Builder(account, EventKind.SIGN_IN, EventSource.ENTRA_SIGN_IN, "SignInLogs")
        .succeeded(true);
  }

  public static Builder mailBind(String account) {
    return new Builder(
            account,
            EventKind.MAIL_ITEMS_ACCESSED,
            EventSource.UNIFIED_AUDIT_LOG,
            "MailItemsAccessed")
        .accessType("Bind")
        .items(1);
  }

  public static Builder mailSync(String account, int folders) {
    Builder b =
        new Builder(
                account,
                EventKind.MAIL_ITEMS_ACCESSED,
                EventSource.UNIFIED_AUDIT_LOG,
                "MailItemsAccessed")
            .accessType("Sync");
    b.event.setFolderCount(folders);
    b.event.setOperationCount(1);
    return b;
  }

  /** An OAuth grant by {@code account} to the application {@code app} of {@code permissions}. */
  public static Builder appGrant(String account, String app, String... permissions) {
    Builder b =
        new Builder(
            account,
            EventKind.APP_PERMISSION_GRANT,
            EventSource.UNIFIED_AUDIT_LOG,
            "Consent to application.");
    b.event.setRecordType(8).setGrantee(app).setGrantPermissions(List.of(permissions));
    return b;
  }

  /**
   * A delegation by {@code account} to {@code grantee} on {@code target} (a mailbox, or {@code
   * mailbox:\folder}) of {@code rights}.
   */
  public static Builder mailboxGrant(
      String account, String grantee, String target, String... rights) {
    Builder b =
        new Builder(
            account,
            EventKind.MAILBOX_PERMISSION_GRANT,
            EventSource.UNIFIED_AUDIT_LOG,
            "Add-MailboxPermission");
    b.event
        .setRecordType(1)
        .setGrantee(grantee)
        .setGrantTarget(target)
        .setGrantPermissions(List.of(rights));
    return b;
  }

  /** Fluent builder of one event; {@link #at} finishes it. */
  public static final class Builder {
    private final AuditEvent.Builder event;

    private Builder(String account, EventKind kind, EventSource source, String operation) {
      event =
          AuditEvent.newBuilder()
              .setEventId("evt-" + IDS.incrementAndGet())
              .setSource(source)
              .setKind(kind)
              .setOperation(operation)
              .setTenantId(TENANT)
              .setAccountId(account)
              .setEventTime(Instant.EPOCH)
              .setRecordType(kind == EventKind.MAIL_ITEMS_ACCESSED ? 50 : null);
      from(HOME_US);
    }

    public Builder id(String eventId) {
      event.setEventId(eventId);
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

    public Builder inSession(String sessionId) {
      event.setSessionId(sessionId);
      return this;
    }

    public Builder app(String clientAppId) {
      event.setClientAppId(clientAppId);
      return this;
    }

    public Builder items(int operationCount) {
      event.setOperationCount(operationCount);
      return this;
    }

    public Builder accessType(String type) {
      event.setMailAccessType(type);
      return this;
    }

    public Builder interactive() {
      event.setInteractive(true);
      return this;
    }

    /**
     * Tenant context: this many accounts of the tenant signed in interactively from the network.
     */
    public Builder networkUsedByTenantAccounts(int accounts) {
      event.setTenantAccountsSignedInFromAsn(accounts);
      return this;
    }

    /** Tenant context: this many accounts of the tenant read mail with the client app. */
    public Builder appUsedByTenantAccounts(int accounts) {
      event.setTenantAccountsUsingApp(accounts);
      return this;
    }

    /** Tenant context: the tenant's typical items per active account-hour. */
    public Builder tenantPeerItemsPerHour(double items) {
      event.setTenantPeerItemsPerHour(items);
      return this;
    }

    public Builder throttled() {
      event.setThrottled(true);
      return this;
    }

    /** The mailbox read, when it is not the account's own. */
    public Builder mailboxOf(String owner) {
      event.setMailboxOwner(owner);
      return this;
    }

    /** A grant that reaches every user of the tenant. */
    public Builder tenantWide() {
      event.setGrantTenantWide(true);
      return this;
    }

    public Builder operation(String operation) {
      event.setOperation(operation);
      return this;
    }

    public Builder resource(String resourceId) {
      event.setResourceId(resourceId);
      return this;
    }

    public Builder succeeded(boolean succeeded) {
      event.setSucceeded(succeeded);
      return this;
    }

    public AuditEvent at(Instant time) {
      return event.setEventTime(time).build();
    }
  }
}
