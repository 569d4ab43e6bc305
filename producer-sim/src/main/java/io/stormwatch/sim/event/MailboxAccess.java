package io.stormwatch.sim.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.FirstPartyApp;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One aggregated MailItemsAccessed record: an owner reading their own mail, a delegate reading a
 * shared mailbox, or an application reading with its own token.
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
 *     bind the folder(s) the items are in; null for the owner's everyday reading, whose folders the
 *     writer draws from {@code contentSeed} (binds mostly in the Inbox, syncs of consecutive
 *     folders)
 * @param clientAppId {@code ClientAppId} and {@code AppId}: the application presenting the token
 * @param apiId {@code AppAccessContext.APIId}: Exchange, or Microsoft Graph
 * @param clientInfoString {@code ClientInfoString}
 * @param clientIp {@code ClientIPAddress}
 * @param sessionId {@code AADSessionId} / {@code SessionId}, or null (app-only and forged tokens
 *     may have none)
 * @param uti {@code AppAccessContext.UniqueTokenId}
 * @param tokenIssuedAt {@code AppAccessContext.IssuedAtTime}
 * @param throttled {@code IsThrottled}: Exchange stops auditing the mailbox's binds for 24 hours
 * @param contentSeed seeds the listed items (and everyday folders), drawn when the record is
 *     written
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
    implements SimEvent {

  /** Mailbox owner. */
  public static final int OWNER = 0;

  /** A person with delegate permissions on someone else's mailbox. */
  public static final int DELEGATE = 2;

  /** Exchange Online as the API the token was presented to. */
  public static final String EXCHANGE_API = FirstPartyApp.EXCHANGE_ONLINE.appId();

  /**
   * @throws IllegalArgumentException if named folders are empty or the operation count is below 1
   */
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
    if (folders != null) {
      folders = List.copyOf(folders);
      if (folders.isEmpty()) {
        throw new IllegalArgumentException(id.asGuid() + " lists no folder");
      }
    }
    if (operationCount < 1) {
      throw new IllegalArgumentException("operationCount must be at least 1");
    }
  }

  /**
   * The owner reading their own mailbox with a token of theirs, in their everyday folders.
   *
   * @param clientAppId the application the token was issued to
   * @param sessionId the token's Entra session, or null when it carries none
   */
  public static MailboxAccess byOwner(
      Instant time,
      Id128 id,
      User owner,
      MailAccessType accessType,
      int operationCount,
      String clientAppId,
      String clientInfoString,
      String clientIp,
      Id128 sessionId,
      Id128 uti,
      Instant tokenIssuedAt,
      long contentSeed) {
    return new MailboxAccess(
        time,
        id,
        owner.tenant(),
        Accessor.of(owner),
        MailboxIdentity.of(owner),
        OWNER,
        accessType,
        operationCount,
        null,
        clientAppId,
        EXCHANGE_API,
        clientInfoString,
        clientIp,
        sessionId,
        uti,
        tokenIssuedAt,
        false,
        contentSeed);
  }

  @Override
  public RawTopic topic() {
    return RawTopic.UAL;
  }

  @Override
  public String recordId() {
    return id.asGuid();
  }

  /** Whether the mailbox's owner read it themselves (not a delegate, not an application). */
  public boolean byOwner() {
    return logonType == OWNER
        && accessor.userType() == Accessor.REGULAR
        && accessor.userId().equals(mailbox.upn());
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
