package io.stormwatch.detector.tenant;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a tenant's logs have come in event time: its latest event of any kind, its latest
 * sign-in, and when its first resource-side token use was seen. Tells whether the sign-in feed is
 * there, behind, or missing. Kept in the tenant's {@link TenantEntry}.
 */
final class SignInFeed {

  static final long NONE = Long.MIN_VALUE;

  static final int SILENCES_KEPT = 8;

  /** Latest event time of any event of the tenant. */
  long watermark = NONE;

  /** Latest event time of a sign-in of the tenant. */
  long latestSignIn = NONE;

  /**
   * Event time of the first token use since a sign-in last arrived (or since the tenant was last
   * idle): the start of the current stretch of token uses without sign-ins. NONE when there is
   * none.
   */
  long firstUseWithoutSignIn = NONE;

  /**
   * Event time of the tenant's latest token use, to tell an idle tenant (a night) from a silent
   * feed.
   */
  long latestTokenUse = NONE;

  /** Recent stretches (start, end) without sign-ins while the tenant was active, oldest first. */
  final List<long[]> silences = new ArrayList<>();

  /** How long tokens have been used without a sign-in arriving: the sign-in feed's silence. */
  long silenceMillis() {
    return firstUseWithoutSignIn == NONE ? 0 : watermark - firstUseWithoutSignIn;
  }

  /**
   * A token use at {@code time}: starts a stretch without sign-ins if none is open, or a new one
   * after the tenant was idle for {@code idleReset} (nobody works at night; that is not silence).
   */
  void tokenUsed(long time, long idleReset) {
    if (latestSignIn != NONE && time <= latestSignIn) {
      // A late record: the feed has already passed this use, so it starts no silence.
      latestTokenUse = Math.max(latestTokenUse, time);
      return;
    }
    // A tenant that never sent a sign-in has no feed to be idle: its silence spans its nights.
    boolean idleBefore =
        latestSignIn != NONE && latestTokenUse != NONE && time - latestTokenUse >= idleReset;
    if (firstUseWithoutSignIn == NONE || idleBefore) {
      firstUseWithoutSignIn = time;
    }
    latestTokenUse = Math.max(latestTokenUse, time);
  }

  /**
   * A sign-in arrived: the stretch without sign-ins ends; if it lasted at least {@code maxSilence},
   * it is remembered as an outage.
   */
  void signInArrived(long time, long maxSilence) {
    if (firstUseWithoutSignIn != NONE && time - firstUseWithoutSignIn >= maxSilence) {
      recordSilence(firstUseWithoutSignIn, time);
    }
    firstUseWithoutSignIn = NONE;
    latestSignIn = Math.max(latestSignIn, time);
  }

  /** Remembers that no sign-in arrived between {@code start} and {@code end}. */
  void recordSilence(long start, long end) {
    silences.add(new long[] {start, end});
    if (silences.size() > SILENCES_KEPT) {
      silences.remove(0);
    }
  }

  /** Whether a remembered silence overlaps [{@code from}, {@code to}]. */
  boolean silentDuring(long from, long to) {
    return silences.stream().anyMatch(s -> s[0] <= to && s[1] >= from);
  }
}
