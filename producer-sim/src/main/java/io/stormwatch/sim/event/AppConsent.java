package io.stormwatch.sim.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's OAuth consent to an application, as Entra ID's audit log shows it in the Unified Audit
 * Log ({@code Consent to application.}, RecordType 8).
 *
 * @param time {@code CreationTime}, whole seconds
 * @param id {@code Id}
 * @param tenant the tenant whose audit log holds it
 * @param grantor the user who consented
 * @param app the application consented to
 * @param servicePrincipalId the application's service principal object id in the tenant
 * @param scope the delegated scopes granted, space separated as Entra writes them
 * @param clientIp {@code ClientIP}: the grantor's browser
 * @param adminConsent whether an administrator consented on behalf of every user
 */
public record AppConsent(
    Instant time,
    Id128 id,
    Tenant tenant,
    User grantor,
    AppIdentity app,
    Id128 servicePrincipalId,
    String scope,
    String clientIp,
    boolean adminConsent)
    implements SimEvent {

  public AppConsent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(grantor, "grantor");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(servicePrincipalId, "servicePrincipalId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(clientIp, "clientIp");
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
