package io.stormwatch.sim.event;

import io.stormwatch.sim.world.User;

/**
 * Who accessed a mailbox, as a MailItemsAccessed record names them.
 *
 * @param userId {@code UserId}: the UPN of the person acting (for app-only access, see {@link
 *     #appOnly})
 * @param userKey {@code UserKey}
 * @param sid {@code LogonUserSid}
 * @param tokenObjectId {@code TokenObjectId}: the token's {@code oid} claim
 * @param userType {@code UserType}: 0 regular user, 5 application
 */
public record Accessor(
    String userId, String userKey, String sid, String tokenObjectId, int userType) {

  /** Management Activity API {@code UserType} of a regular user. */
  public static final int REGULAR = 0;

  /** Management Activity API {@code UserType} of "an audit event triggered by an Entra app". */
  public static final int APPLICATION = 5;

  public static Accessor of(User user) {
    return new Accessor(user.upn(), user.userKey(), user.sid(), user.userId(), REGULAR);
  }

  /**
   * An application reading a mailbox with its own (app-only) token. The record is attributed to the
   * mailbox read (UserId = the mailbox owner) with {@code UserType} 5; the token's {@code oid} is
   * the service principal's object id, which is what ties the access to the service principal's
   * sign-in.
   */
  public static Accessor appOnly(MailboxIdentity mailbox, ServicePrincipal app) {
    return new Accessor(mailbox.upn(), app.appId(), mailbox.sid(), app.objectId(), APPLICATION);
  }
}
