package io.stormwatch.sim.event;

import io.stormwatch.sim.RawTopic;
import io.stormwatch.sim.behaviour.TokenGrant;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.Tenant;
import io.stormwatch.sim.world.User;
import java.time.Instant;

/**
 * A successful Entra sign-in that issued a token to a user's mail client.
 *
 * @param user who signed in
 * @param sessionId the Entra session the token belongs to
 * @param grant the token issued
 * @param network the network the client connected from
 * @param ip the client's address inside that network
 */
public record SignInEvent(User user, Id128 sessionId, TokenGrant grant, Network network, String ip)
    implements SimEvent {

  @Override
  public Instant time() {
    return grant.issuedAt();
  }

  @Override
  public Tenant tenant() {
    return user.tenant();
  }

  @Override
  public RawTopic topic() {
    return RawTopic.SIGN_IN;
  }
}
