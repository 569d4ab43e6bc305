package io.stormwatch.sim.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.time.Instant;

/**
 * One aggregated MailItemsAccessed audit record.
 *
 * @param time {@code CreationTime}, whole seconds
 * @param recordId the record's {@code Id}
 * @param owner the mailbox owner, also the {@code UserId} whose token was presented
 * @param accessType bind or sync
 * @param operationCount items bound, or folders synced
 * @param clientAppId the application the token was issued to
 * @param clientInfoString how Exchange describes the client
 * @param clientIp the client's address
 * @param sessionId the Entra session of the token, or {@code null} when the token carries none
 * @param uti the token's unique token identifier
 * @param tokenIssuedAt when the token was issued
 * @param contentSeed seeds the listed folders and items, which are drawn when the record is written
 * @param attackId the injected attack this record belongs to, or {@code null} for benign activity
 */
public record MailAccessEvent(
    Instant time,
    Id128 recordId,
    User owner,
    MailAccessType accessType,
    int operationCount,
    String clientAppId,
    String clientInfoString,
    String clientIp,
    Id128 sessionId,
    Id128 uti,
    Instant tokenIssuedAt,
    long contentSeed,
    String attackId)
    implements SimEvent {

  @Override
  public Tenant tenant() {
    return owner.tenant();
  }

  @Override
  public RawTopic topic() {
    return RawTopic.UAL;
  }
}
