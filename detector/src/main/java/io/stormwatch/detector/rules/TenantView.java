package io.stormwatch.detector.rules;

/**
 * What the tenant stage shows a {@link TenantRule} of one tenant: the facts it keeps about the
 * tenant's logs, and room for the rule's own state. Times are event times in epoch milliseconds;
 * {@link #NONE} where there is none.
 */
public interface TenantView {

  long NONE = Long.MIN_VALUE;

  /** Time of the tenant's latest event of any kind. */
  long latestEvent();

  /** Time of the tenant's latest successful sign-in. */
  long latestSignIn();

  /**
   * Time of the first token use since a sign-in last arrived (or since the tenant was last idle):
   * the start of the current stretch of token use without sign-ins.
   */
  long firstTokenUseWithoutSignIn();

  /** How long tokens have been used without a sign-in arriving: the sign-in feed's silence. */
  long signInSilence();

  /** Whether a remembered outage of the sign-in feed overlaps [{@code from}, {@code to}]. */
  boolean signInsSilentDuring(long from, long to);

  /**
   * Judges the sign-in feed between {@code from} and {@code to} against the tenant's rhythm: failed
   * if a silence of at least {@code minSilence} overlapping that span, the open one until {@code
   * now} included, fell at hours the tenant is rarely silent at.
   */
  SignInFeedHealth signInFeedHealth(long from, long to, long now, long minSilence);

  /** Whether a sign-in of the tenant issued the use's token or session within [from, to]. */
  boolean issued(TokenUse use, long from, long to);

  /**
   * How many accounts of the tenant have read mail with the client application {@code appId} so
   * far, counted up to 16: an application many accounts use is established in the tenant.
   */
  int accountsReadingMailWith(String appId);

  /** Has {@code use} judged when stream time reaches {@code dueTime}. */
  void checkLater(TokenUse use, long dueTime);

  /** The rule's state for the whole tenant, as its codec wrote it; null when it keeps none. */
  byte[] ruleState();

  /** Keeps {@code state} as the rule's state for the tenant; null removes it. */
  void ruleState(byte[] state);

  /**
   * A value the rule keeps under {@code key} in the tenant stage's store (for example one per
   * account). Keys start with a prefix of the rule's own, so that they meet no other state.
   */
  byte[] get(String key);

  /** Keeps {@code value} under {@code key}; null removes it. */
  void put(String key, byte[] value);
}
