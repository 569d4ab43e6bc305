package io.stormwatch.sim.behaviour;

import io.stormwatch.sim.event.AppIdentity;
import io.stormwatch.sim.event.ClientDevice;
import io.stormwatch.sim.event.SignIn;
import io.stormwatch.sim.event.SignInCategory;
import io.stormwatch.sim.random.Id128;
import io.stormwatch.sim.world.ClientProfile;
import io.stormwatch.sim.world.FirstPartyApp;
import io.stormwatch.sim.world.Network;
import io.stormwatch.sim.world.User;
import java.time.Instant;
import java.util.List;

/**
 * An access token Entra issued to a user's mail client, and the sign-in that issued it.
 *
 * @param uti the token's unique token identifier ({@code uniqueTokenIdentifier} / {@code
 *     UniqueTokenId})
 * @param signInId the issuing sign-in's {@code id}
 * @param correlationId the issuing sign-in's {@code correlationId}
 * @param issuedAt when the token was issued: the sign-in's {@code createdDateTime}
 * @param expiresAt when the token stops being accepted
 * @param interactive whether the user signed in interactively ({@code SignInLogs}) or the client
 *     redeemed a refresh token ({@code NonInteractiveUserSignInLogs})
 */
public record TokenGrant(
    Id128 uti,
    Id128 signInId,
    Id128 correlationId,
    Instant issuedAt,
    Instant expiresAt,
    boolean interactive) {

  /**
   * The token a client holding {@code grants} (in issue order) presents at {@code at}: the latest
   * one issued by then, or the first.
   */
  public static TokenGrant presentedAt(List<TokenGrant> grants, Instant at) {
    TokenGrant current = grants.get(0);
    for (TokenGrant grant : grants) {
      if (grant.issuedAt().isAfter(at)) {
        break;
      }
      current = grant;
    }
    return current;
  }

  public boolean validAt(Instant instant) {
    return !instant.isBefore(issuedAt) && instant.isBefore(expiresAt);
  }

  /**
   * The sign-in that issued this token to {@code user}'s mail client for Exchange Online: an
   * interactive sign-in, or the client redeeming its refresh token.
   *
   * @param sessionId the Entra session the token belongs to
   * @param network the network the client connected from
   * @param ip the client's address inside that network
   */
  public SignIn signIn(User user, Id128 sessionId, Network network, String ip) {
    ClientProfile client = user.client();
    return new SignIn(
        issuedAt,
        signInId,
        correlationId,
        user.tenant(),
        interactive ? SignInCategory.INTERACTIVE_USER : SignInCategory.NON_INTERACTIVE_USER,
        user,
        null,
        AppIdentity.of(client.app()),
        AppIdentity.of(FirstPartyApp.EXCHANGE_ONLINE),
        network,
        ip,
        user.city(),
        uti,
        sessionId,
        ClientDevice.of(client),
        interactive ? "none" : "refreshToken");
  }
}
