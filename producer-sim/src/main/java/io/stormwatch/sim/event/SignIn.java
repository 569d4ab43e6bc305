package io.stormwatch.sim.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.City;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.time.Instant;
import java.util.Objects;

/**
 * A successful Entra sign-in that issued a token: a user's mail client signing in (interactively,
 * or redeeming its refresh token), a user's sign-in to another application, or a service
 * principal's sign-in with its own credential.
 *
 * @param time {@code createdDateTime}
 * @param signInId {@code id}
 * @param correlationId {@code correlationId}
 * @param tenant the tenant whose log holds it
 * @param category interactive, non-interactive or service principal
 * @param user who signed in, or null for a service principal
 * @param servicePrincipal the application signing in as itself, or null for a user
 * @param app the application the token was issued to ({@code appId})
 * @param resource the API the token is for ({@code resourceId})
 * @param network the network the client connected from
 * @param ip the client's address
 * @param city where Entra geolocates the address
 * @param uti {@code uniqueTokenIdentifier}
 * @param sessionId {@code sessionId}, or null (service principals have none)
 * @param device how the client described itself
 * @param incomingTokenType {@code incomingTokenType}: none, refreshToken, authorizationCode...
 */
public record SignIn(
    Instant time,
    Id128 signInId,
    Id128 correlationId,
    Tenant tenant,
    SignInCategory category,
    User user,
    ServicePrincipal servicePrincipal,
    AppIdentity app,
    AppIdentity resource,
    Network network,
    String ip,
    City city,
    Id128 uti,
    Id128 sessionId,
    ClientDevice device,
    String incomingTokenType)
    implements SimEvent {

  public SignIn {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(signInId, "signInId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(uti, "uti");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(incomingTokenType, "incomingTokenType");
    if ((user == null) == (servicePrincipal == null)) {
      throw new IllegalArgumentException("a sign-in is by a user or by a service principal");
    }
    if ((servicePrincipal != null) != (category == SignInCategory.SERVICE_PRINCIPAL)) {
      throw new IllegalArgumentException(category + " does not fit the subject");
    }
  }

  @Override
  public RawTopic topic() {
    return RawTopic.SIGN_IN;
  }

  @Override
  public String recordId() {
    return signInId.asGuid();
  }

  public boolean interactive() {
    return category == SignInCategory.INTERACTIVE_USER;
  }
}
