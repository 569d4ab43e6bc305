package io.stormwatch.sim.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.Tenant;
import java.time.Instant;
import java.util.Objects;

/**
 * A token presented to Outlook on the web, as an OWAAuth record (RecordType 275) shows it: who,
 * from where, with which client, and the token's {@code AppAccessContext}.
 *
 * @param time {@code CreationTime}, whole seconds
 * @param id {@code Id}
 * @param tenant the tenant whose audit log holds it
 * @param accessor who signed on
 * @param mailbox the mailbox opened
 * @param clientAppId {@code AppAccessContext.ClientAppId}: the application presenting the token
 * @param clientInfoString {@code ClientInfoString}
 * @param clientIp {@code ClientIP}
 * @param sessionId {@code AADSessionId} / {@code SessionId}, or null
 * @param uti {@code AppAccessContext.UniqueTokenId}
 * @param tokenIssuedAt {@code AppAccessContext.IssuedAtTime}
 */
public record OwaSignOn(
    Instant time,
    Id128 id,
    Tenant tenant,
    Accessor accessor,
    MailboxIdentity mailbox,
    String clientAppId,
    String clientInfoString,
    String clientIp,
    Id128 sessionId,
    Id128 uti,
    Instant tokenIssuedAt)
    implements SimEvent {

  public OwaSignOn {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(accessor, "accessor");
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(clientAppId, "clientAppId");
    Objects.requireNonNull(clientInfoString, "clientInfoString");
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(uti, "uti");
    Objects.requireNonNull(tokenIssuedAt, "tokenIssuedAt");
  }

  @Override
  public RawTopic topic() {
    return RawTopic.UAL;
  }

  @Override
  public String recordId() {
    return id.asGuid();
  }
}
