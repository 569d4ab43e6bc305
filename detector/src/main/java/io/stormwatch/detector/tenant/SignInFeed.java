package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;

/**
 * How far a tenant's logs have come in event time: its latest event of any kind, its latest
 * sign-in, and when its first resource-side token use was seen. Tells whether the sign-in feed is
 * there, behind, or missing.
 */
public final class SignInFeed {

  public static final long NONE = Long.MIN_VALUE;
  private static final int FORMAT_VERSION = 1;

  /** Latest event time of any event of the tenant. */
  public long watermark = NONE;

  /** Latest event time of a sign-in of the tenant. */
  public long latestSignIn = NONE;

  /** Event time of the first resource-side token use seen. */
  public long firstTokenUse = NONE;

  /** Earliest due time among pending orphan checks, or NONE; saves scanning when nothing is due. */
  public long nextDue = NONE;

  /** Start of the open coverage gap (its alert's key), or NONE. */
  public long gapStart = NONE;

  public int gapRevision;
  public long gapUnverifiedUses;
  public long gapReportedUses;

  /** How long the sign-in feed has been silent while the tenant's other logs went on. */
  public long silenceMillis() {
    if (watermark == NONE) {
      return 0;
    }
    long since = latestSignIn != NONE ? latestSignIn : firstTokenUse;
    return since == NONE ? 0 : watermark - since;
  }

  public byte[] encode() {
    return new BinaryStateWriter(FORMAT_VERSION)
        .writeLong(watermark)
        .writeLong(latestSignIn)
        .writeLong(firstTokenUse)
        .writeLong(nextDue)
        .writeLong(gapStart)
        .writeInt(gapRevision)
        .writeLong(gapUnverifiedUses)
        .writeLong(gapReportedUses)
        .toByteArray();
  }

  public static SignInFeed decode(byte[] bytes) {
    BinaryStateReader in = new BinaryStateReader(bytes, FORMAT_VERSION, "sign-in feed");
    SignInFeed feed = new SignInFeed();
    feed.watermark = in.readLong();
    feed.latestSignIn = in.readLong();
    feed.firstTokenUse = in.readLong();
    feed.nextDue = in.readLong();
    feed.gapStart = in.readLong();
    feed.gapRevision = in.readInt();
    feed.gapUnverifiedUses = in.readLong();
    feed.gapReportedUses = in.readLong();
    return feed;
  }
}
