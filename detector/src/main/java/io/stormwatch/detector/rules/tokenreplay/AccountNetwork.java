package io.stormwatch.detector.rules.tokenreplay;

/**
 * A network (ASN) an account has been seen on. It becomes the account's own once the account signs
 * in interactively there, or once it has been used for longer than the establishment period —
 * unless it carried a replayed token, which taints it for good.
 */
final class AccountNetwork {

  long firstSeen;
  long lastSeen;

  /** Seen in a successful interactive sign-in: the user was there. */
  boolean confirmed;

  /** Was foreign in a token that raised an alert: never becomes the account's own. */
  boolean tainted;

  AccountNetwork(long firstSeen) {
    this.firstSeen = firstSeen;
    this.lastSeen = firstSeen;
  }

  boolean isOwn(long now, long establishedAfterMillis) {
    return !tainted && (confirmed || now - firstSeen >= establishedAfterMillis);
  }
}
