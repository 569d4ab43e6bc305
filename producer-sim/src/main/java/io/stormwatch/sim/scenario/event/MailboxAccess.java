package io.stormwatch.sim.scenario.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.event.MailAccessType;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One MailItemsAccessed record in a shape the existing simulator does not write: delegate access,
 * app-only access, Microsoft Graph as the API, named folders, or {@code IsThrottled=True}.
 *
 * @param time {@code CreationTime}, whole seconds
 * @param id {@code Id}
 * @param tenant the tenant whose audit log holds it
 * @param accessor who accessed the mailbox
 * @param mailbox the mailbox accessed
 * @param logonType {@code LogonType}: 0 owner, 1 admin, 2 delegate
 * @param accessType bind or sync
 * @param operationCount {@code OperationCount}: items bound, or folders synced
 * @param folders folder paths listed under {@code Folders}: for a sync the folders synced, for a
 *     bind the folder(s) the items are in
 * @param clientAppId {@code ClientAppId} and {@code AppId}: the application presenting the token
 * @param apiId {@code AppAccessContext.APIId}: Exchange, or Microsoft Graph
 * @param clientInfoString {@code ClientInfoString}
 * @param clientIp {@code ClientIPAddress}
 * @param sessionId {@code AADSessionId} / {@code SessionId}, or null (app-only tokens have none)
 * @param uti {@code AppAccessContext.UniqueTokenId}
 * @param tokenIssuedAt {@code AppAccessContext.IssuedAtTime}
 * @param throttled {@code IsThrottled}: Exchange stops auditing the mailbox's binds for 24 hours
 * @param contentSeed seeds the listed items, which are drawn when the record is written
 */
public record MailboxAccess(
    Instant time,
    Id128 id,
    Tenant tenant,
    Accessor accessor,
    MailboxIdentity mailbox,
    int logonType,
    MailAccessType accessType,
    int operationCount,
    List<String> folders,
    String clientAppId,
    String apiId,
    String clientInfoString,
    String clientIp,
    Id128 sessionId,
    Id128 uti,
    Instant tokenIssuedAt,
    boolean throttled,
    long contentSeed)
    implements StagedEvent {

  /** Mailbox owner. */
  public static final int OWNER = 0;

  /** A person with delegate permissions on someone else's mailbox. */
  public static final int DELEGATE = 2;

  /** Exchange Online as the API the token was presented to. */
  public static final String EXCHANGE_API = "00000002-0000-0ff1-ce00-000000000000";

  public MailboxAccess {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(accessor, "accessor");
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(accessType, "accessType");
    Objects.requireNonNull(clientAppId, "clientAppId");
    Objects.requireNonNull(apiId, "apiId");
    Objects.requireNonNull(clientInfoString, "clientInfoString");
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(uti, "uti");
    Objects.requireNonNull(tokenIssuedAt, "tokenIssuedAt");
    folders = List.copyOf(folders);
    if (folders.isEmpty()) {
      throw new IllegalArgumentException(id.asGuid() + " lists no folder");
    }
    if (operationCount < 1) {
      throw new IllegalArgumentException("operationCount must be at least 1");
    }
  }

  @Override
  public RawTopic topic() {
    return RawTopic.UAL;
  }

  @Override
  public String recordId() {
    return id.asGuid();
  }

  /** Starts a record; every field without a default must be set. */
  public static Builder at(Instant time, Id128 recordId, Tenant tenant) {
    return new Builder(time, recordId, tenant);
  }

  /** Builds a {@link MailboxAccess}; defaults: owner logon, bind, Exchange API, not throttled. */
  public static final class Builder {
    private final Instant time;
    private final Id128 recordId;
    private final Tenant tenant;
    private Accessor accessor;
    private MailboxIdentity mailbox;
    private int logonType = OWNER;
    private MailAccessType accessType = MailAccessType.BIND;
    private int operationCount = 1;
    private List<String> folders = List.of("\\Inbox");
    private String clientAppId;
    private String apiId = EXCHANGE_API;
    private String clientInfoString;
    private String clientIp;
    private Id128 sessionId;
    private Id128 uti;
    private Instant tokenIssuedAt;
    private boolean throttled;
    private long contentSeed;

    private Builder(Instant time, Id128 recordId, Tenant tenant) {
      this.time = time;
      this.recordId = recordId;
      this.tenant = tenant;
    }

    public Builder by(Accessor accessor) {
      this.accessor = accessor;
      return this;
    }

    public Builder of(MailboxIdentity mailbox) {
      this.mailbox = mailbox;
      return this;
    }

    public Builder logonType(int logonType) {
      this.logonType = logonType;
      return this;
    }

    public Builder bind(int items, List<String> folders) {
      this.accessType = MailAccessType.BIND;
      this.operationCount = items;
      this.folders = folders;
      return this;
    }

    public Builder sync(List<String> folders) {
      this.accessType = MailAccessType.SYNC;
      this.operationCount = folders.size();
      this.folders = folders;
      return this;
    }

    public Builder client(String clientAppId, String clientInfoString) {
      this.clientAppId = clientAppId;
      this.clientInfoString = clientInfoString;
      return this;
    }

    public Builder api(String apiId) {
      this.apiId = apiId;
      return this;
    }

    public Builder from(String clientIp) {
      this.clientIp = clientIp;
      return this;
    }

    public Builder token(Id128 sessionId, Id128 uti, Instant issuedAt) {
      this.sessionId = sessionId;
      this.uti = uti;
      this.tokenIssuedAt = issuedAt;
      return this;
    }

    public Builder throttled(boolean throttled) {
      this.throttled = throttled;
      return this;
    }

    public Builder contentSeed(long contentSeed) {
      this.contentSeed = contentSeed;
      return this;
    }

    public MailboxAccess build() {
      return new MailboxAccess(
          time,
          recordId,
          tenant,
          accessor,
          mailbox,
          logonType,
          accessType,
          operationCount,
          folders,
          clientAppId,
          apiId,
          clientInfoString,
          clientIp,
          sessionId,
          uti,
          tokenIssuedAt,
          throttled,
          contentSeed);
    }
  }
}
