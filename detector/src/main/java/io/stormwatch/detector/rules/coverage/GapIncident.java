package io.stormwatch.detector.rules.coverage;

import io.stormwatch.detector.rules.TenantView;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/**
 * A tenant's open coverage gap: when it started (its alert's key) and how many uses it could not
 * verify. Kept by the tenant stage as the rule's state for the tenant, only while a gap is open.
 *
 * <p>Its version 1 has the fields the tenant's sign-in feed held inline before the rule kept its
 * own state; the tenant stage hands those on as this state when it reads such a feed.
 */
final class GapIncident {

  static final StateCodec<GapIncident> CODEC =
      new BinaryStateCodec<>("signin-coverage-gap", 1) {
        @Override
        protected void write(GapIncident gap, BinaryStateWriter out) {
          out.writeLong(gap.start)
              .writeInt(gap.revision)
              .writeLong(gap.unverifiedUses)
              .writeLong(gap.reportedUses);
        }

        @Override
        protected GapIncident read(BinaryStateReader in, int version) {
          GapIncident gap = new GapIncident();
          gap.start = in.readLong();
          gap.revision = in.readInt();
          gap.unverifiedUses = in.readLong();
          gap.reportedUses = in.readLong();
          return gap;
        }
      };

  /** Start of the gap (its alert's key), or NONE while no gap is open. */
  long start = TenantView.NONE;

  int revision;
  long unverifiedUses;
  long reportedUses;

  boolean open() {
    return start != TenantView.NONE;
  }
}
