package io.stormwatch.sim.behaviour;

import io.stormwatch.sim.random.Id128;
import java.time.Instant;

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

  public boolean validAt(Instant instant) {
    return !instant.isBefore(issuedAt) && instant.isBefore(expiresAt);
  }
}
