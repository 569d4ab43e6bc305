package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the tenant stage keeps for one tenant in one entry, read and written with every event of the
 * tenant: its {@link SignInFeed}, its {@link PeerVolume}, and each tenant rule's state for the
 * tenant, encoded by the rule's own codec and kept by rule id (as an account's entry keeps each
 * account rule's state).
 *
 * <p>Version 1 was the sign-in feed alone, with the open coverage gap in four fields of its own:
 * read, those fields become the signin-coverage-gap rule's state, in that rule's version 1, which
 * has the same fields. Versions 1 and 2 had no peer volume, which was kept under a key of its own:
 * read, the entry has none, and the tenant stage takes the volume from that key as it reads the
 * entry.
 */
final class TenantEntry {

  /** The rule whose state version 1 kept inline. */
  static final String VERSION_1_GAP_RULE = "signin-coverage-gap";

  static final StateCodec<TenantEntry> CODEC =
      new BinaryStateCodec<>("tenant", 3) {
        @Override
        protected void write(TenantEntry entry, BinaryStateWriter out) {
          writeFeed(entry.feed, out);
          out.writeInt(entry.ruleStates.size());
          entry.ruleStates.forEach((ruleId, state) -> out.writeString(ruleId).writeBytes(state));
          out.writeBoolean(entry.peerVolume != null);
          if (entry.peerVolume != null) {
            out.writeBytes(PeerVolume.CODEC.encode(entry.peerVolume));
          }
        }

        @Override
        protected TenantEntry read(BinaryStateReader in, int version) {
          TenantEntry entry = new TenantEntry();
          readFeed(entry.feed, in);
          if (version == 1) {
            readVersion1Gap(entry, in);
            return entry;
          }
          int rules = in.readInt();
          for (int i = 0; i < rules; i++) {
            entry.ruleStates.put(in.readString(), in.readBytes());
          }
          if (version >= 3 && in.readBoolean()) {
            entry.peerVolume = PeerVolume.CODEC.decode(in.readBytes());
          }
          return entry;
        }
      };

  final SignInFeed feed = new SignInFeed();

  /**
   * Each tenant rule's encoded state for the tenant, by rule id; sorted, so encodings are stable.
   */
  final Map<String, byte[]> ruleStates = new TreeMap<>();

  /** The tenant's typical mail volume; null in an entry an earlier release wrote. */
  PeerVolume peerVolume;

  private static void writeFeed(SignInFeed feed, BinaryStateWriter out) {
    out.writeInt(feed.silences.size());
    feed.silences.forEach(s -> out.writeLong(s[0]).writeLong(s[1]));
    out.writeLong(feed.watermark)
        .writeLong(feed.latestSignIn)
        .writeLong(feed.firstUseWithoutSignIn)
        .writeLong(feed.latestTokenUse);
  }

  private static void readFeed(SignInFeed feed, BinaryStateReader in) {
    int silences = in.readInt();
    for (int i = 0; i < silences; i++) {
      feed.silences.add(new long[] {in.readLong(), in.readLong()});
    }
    feed.watermark = in.readLong();
    feed.latestSignIn = in.readLong();
    feed.firstUseWithoutSignIn = in.readLong();
    feed.latestTokenUse = in.readLong();
  }

  /** Version 1's gap fields, as the coverage-gap rule's version-1 state if a gap was open. */
  private static void readVersion1Gap(TenantEntry entry, BinaryStateReader in) {
    long gapStart = in.readLong();
    int revision = in.readInt();
    long unverifiedUses = in.readLong();
    long reportedUses = in.readLong();
    if (gapStart != SignInFeed.NONE) {
      entry.ruleStates.put(
          VERSION_1_GAP_RULE,
          new BinaryStateWriter()
              .writeByte(1)
              .writeLong(gapStart)
              .writeInt(revision)
              .writeLong(unverifiedUses)
              .writeLong(reportedUses)
              .toByteArray());
    }
  }
}
