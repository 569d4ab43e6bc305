package io.stormwatch.sim.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.time.Instant;
import java.util.Objects;

/**
 * A mailbox permission granted with {@code Add-MailboxPermission}, as the Unified Audit Log shows
 * the cmdlet (RecordType 1, ExchangeAdmin): who ran it, on which mailbox, for whom, which rights.
 *
 * @param time {@code CreationTime}, whole seconds
 * @param id {@code Id}
 * @param tenant the tenant whose audit log holds it
 * @param grantor who ran the cmdlet ({@code UserId})
 * @param mailbox the mailbox ({@code Identity})
 * @param grantee who was given access ({@code User})
 * @param accessRights {@code AccessRights}, e.g. FullAccess
 * @param clientIp {@code ClientIP} of the admin session
 * @param sessionId {@code SessionId} of the admin session
 */
public record MailboxPermissionGrant(
    Instant time,
    Id128 id,
    Tenant tenant,
    User grantor,
    MailboxIdentity mailbox,
    User grantee,
    String accessRights,
    String clientIp,
    Id128 sessionId)
    implements SimEvent {

  public MailboxPermissionGrant {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(grantor, "grantor");
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(grantee, "grantee");
    Objects.requireNonNull(accessRights, "accessRights");
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(sessionId, "sessionId");
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
