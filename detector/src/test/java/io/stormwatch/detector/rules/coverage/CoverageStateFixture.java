package io.stormwatch.detector.rules.coverage;

import io.stormwatch.detector.state.StateFixture;

/** A tenant's open coverage gap, reported twice. */
public final class CoverageStateFixture {

  private static final long T = 1_772_442_000_000L; // 2026-03-02T09:00:00Z

  private CoverageStateFixture() {}

  public static StateFixture<GapIncident> fixture() {
    return new StateFixture<>(
        "signin-coverage-gap", GapIncident.CODEC, CoverageStateFixture::value);
  }

  /** The value's encoding, as a tenant's entry holds it. */
  public static byte[] encoded() {
    return GapIncident.CODEC.encode(value());
  }

  static GapIncident value() {
    GapIncident gap = new GapIncident();
    gap.start = T;
    gap.revision = 2;
    gap.unverifiedUses = 30;
    gap.reportedUses = 10;
    return gap;
  }
}
