package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a tenant's logs have come in event time: its latest event of any kind, its latest
 * sign-in, and when its first resource-side token use was seen. Tells whether the sign-in feed is
 * there, behind, or missing.
 */
public final class SignInFeed {

  public static final long NONE = Long.MIN_VALUE;

  /** Latest event time of any event of the tenant. */
  public long watermark = NONE;

  /** Latest event time of a sign-in of the tenant. */
  public long latestSignIn = NONE;

  /**
   * Event time of the first token use since a sign-in last arrived (or since the tenant was last
   * idle): the start of the current stretch of token uses without sign-ins. NONE when there is
   * none.
   */
  public long firstUseWithoutSignIn = NONE;

  /**
   * Event time of the tenant's latest token use, to tell an idle tenant (a night) from a silent
   * feed.
   */
  public long latestTokenUse = NONE;

  /** Start of the open coverage gap (its alert's key), or NONE. */
  public long gapStart = NONE;

  /** Recent stretches (start, end) without sign-ins while the tenant was active, oldest first. */
  private final List<long[]> silences = new ArrayList<>();

  static final int SILENCES_KEPT = 8;

  public int gapRevision;
  public long gapUnverifiedUses;
  public long gapReportedUses;

  /** How long tokens have been used without a sign-in arriving: the sign-in feed's silence. */
  public long silenceMillis() {
    return firstUseWithoutSignIn == NONE ? 0 : watermark - firstUseWithoutSignIn;
  }

  /**
   * A token use at {@code time}: starts a stretch without sign-ins if none is open, or a new one
   * after the tenant was idle for {@code idleReset} (nobody works at night; that is not silence).
   */
  public void tokenUsed(long time, long idleReset) {
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
  public void signInArrived(long time, long maxSilence) {
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
  public boolean silentDuring(long from, long to) {
    return silences.stream().anyMatch(s -> s[0] <= to && s[1] >= from);
  }

  public static final StateCodec<SignInFeed> CODEC =
      new BinaryStateCodec<>("sign-in feed", 1) {
        @Override
        protected void write(SignInFeed feed, BinaryStateWriter out) {
          out.writeInt(feed.silences.size());
          feed.silences.forEach(s -> out.writeLong(s[0]).writeLong(s[1]));
          out.writeLong(feed.watermark)
              .writeLong(feed.latestSignIn)
              .writeLong(feed.firstUseWithoutSignIn)
              .writeLong(feed.latestTokenUse)
              .writeLong(feed.gapStart)
              .writeInt(feed.gapRevision)
              .writeLong(feed.gapUnverifiedUses)
              .writeLong(feed.gapReportedUses);
        }

        @Override
        protected SignInFeed read(BinaryStateReader in, int version) {
          return SignInFeed.read(in);
        }
      };

  private static SignInFeed read(BinaryStateReader in) {
    SignInFeed feed = new SignInFeed();
    int silences = in.readInt();
    for (int i = 0; i < silences; i++) {
      feed.silences.add(new long[] {in.readLong(), in.readLong()});
    }
    feed.watermark = in.readLong();
    feed.latestSignIn = in.readLong();
    feed.firstUseWithoutSignIn = in.readLong();
    feed.latestTokenUse = in.readLong();
    feed.gapStart = in.readLong();
    feed.gapRevision = in.readInt();
    feed.gapUnverifiedUses = in.readLong();
    feed.gapReportedUses = in.readLong();
    return feed;
  }
}
