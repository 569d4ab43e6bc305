package io.stormwatch.detector.tenant;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/**
 * A tenant's typical mail items per active account-hour: a moving average over the completed hours
 * of all its accounts. New accounts are judged against it until they have their own baseline.
 */
public final class PeerVolume {

  /** Weight of each completed account-hour: enough history to be stable across a few hundred. */
  static final double WEIGHT = 0.02;

  /** Account-hours needed before the average is trusted. */
  static final int MIN_HOURS = 10;

  double itemsPerHour = Double.NaN;
  int hours;

  void learn(long items) {
    itemsPerHour =
        Double.isNaN(itemsPerHour) ? items : WEIGHT * items + (1 - WEIGHT) * itemsPerHour;
    hours++;
  }

  /** The peer baseline, or null while too few account-hours were seen. */
  Double baseline() {
    return hours >= MIN_HOURS ? Math.round(itemsPerHour * 10) / 10.0 : null;
  }

  static final StateCodec<PeerVolume> CODEC =
      new BinaryStateCodec<>("peer volume", 1) {
        @Override
        protected void write(PeerVolume volume, BinaryStateWriter out) {
          out.writeDouble(volume.itemsPerHour).writeInt(volume.hours);
        }

        @Override
        protected PeerVolume read(BinaryStateReader in, int version) {
          PeerVolume volume = new PeerVolume();
          volume.itemsPerHour = in.readDouble();
          volume.hours = in.readInt();
          return volume;
        }
      };
}
