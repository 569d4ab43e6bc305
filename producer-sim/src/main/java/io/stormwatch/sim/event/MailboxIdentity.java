package io.stormwatch.sim.event;

import io.stormwatch.sim.world.User;

/**
 * The mailbox an access touched: a user's own or a shared mailbox.
 *
 * @param upn {@code MailboxOwnerUPN}
 * @param sid {@code MailboxOwnerSid}
 * @param guid {@code MailboxGuid}
 * @param server the Exchange Online server hosting it
 * @param region the region label in Exchange host names, e.g. {@code GBRP265}
 * @param seed seeds its folder ids, so a folder always has the same id
 */
public record MailboxIdentity(
    String upn, String sid, String guid, String server, String region, long seed) {

  public static MailboxIdentity of(User user) {
    return new MailboxIdentity(
        user.upn(),
        user.sid(),
        user.mailboxGuid(),
        user.mailboxServer(),
        user.tenant().country().exchangeRegion(),
        user.seed());
  }
}
