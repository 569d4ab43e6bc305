package io.stormwatch.sim.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.Tenant;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An Exchange cmdlet run against a mailbox ({@code New-InboxRule}, {@code Set-Mailbox}...), as an
 * ExchangeAdmin record (RecordType 1) shows it: who ran it, from where, and its parameters.
 *
 * @param time {@code CreationTime}, whole seconds
 * @param id {@code Id}
 * @param tenant the tenant whose audit log holds it
 * @param accessor who ran it ({@code UserId}, {@code UserKey})
 * @param cmdlet {@code Operation}, e.g. {@code New-InboxRule}
 * @param parameters {@code Parameters} in the order written, values as the cmdlet was given them
 * @param clientIp {@code ClientIP}
 */
public record MailboxCommand(
    Instant time,
    Id128 id,
    Tenant tenant,
    Accessor accessor,
    String cmdlet,
    Map<String, String> parameters,
    String clientIp)
    implements SimEvent {

  public MailboxCommand {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(accessor, "accessor");
    Objects.requireNonNull(cmdlet, "cmdlet");
    Objects.requireNonNull(clientIp, "clientIp");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
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
