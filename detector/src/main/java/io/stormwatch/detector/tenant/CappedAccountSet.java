package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.Arrays;

/**
 * The distinct accounts seen with something (a network, an application), counted up to a cap:
 * enough to tell "a handful" from "many" in bounded space. Holds account hashes, not names.
 */
public final class CappedAccountSet {

  public static final int CAP = 16;

  private long[] hashes;

  private CappedAccountSet(long[] hashes) {
    this.hashes = hashes;
  }

  public static CappedAccountSet empty() {
    return new CappedAccountSet(new long[0]);
  }

  /** Accounts counted so far, at most {@link #CAP}. */
  public int count() {
    return hashes.length;
  }

  /** Adds the account; returns whether the set changed. */
  public boolean add(String accountId) {
    if (hashes.length >= CAP) {
      return false;
    }
    long hash = StableHash.of(accountId);
    int at = Arrays.binarySearch(hashes, hash);
    if (at >= 0) {
      return false;
    }
    int insert = -at - 1;
    long[] grown = new long[hashes.length + 1];
    System.arraycopy(hashes, 0, grown, 0, insert);
    grown[insert] = hash;
    System.arraycopy(hashes, insert, grown, insert + 1, hashes.length - insert);
    hashes = grown;
    return true;
  }

  public static final StateCodec<CappedAccountSet> CODEC =
      new BinaryStateCodec<>("account set", 1) {
        @Override
        protected void write(CappedAccountSet set, BinaryStateWriter out) {
          out.writeInt(set.hashes.length);
          for (long h : set.hashes) {
            out.writeLong(h);
          }
        }

        @Override
        protected CappedAccountSet read(BinaryStateReader in, int version) {
          long[] hashes = new long[in.readInt()];
          for (int i = 0; i < hashes.length; i++) {
            hashes[i] = in.readLong();
          }
          return new CappedAccountSet(hashes);
        }
      };
}
