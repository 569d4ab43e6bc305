package io.stormwatch.detector.rules.mailhiding;

import io.stormwatch.detector.rules.ChangeIncident;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/** One account's open incident of rules hiding mail, and the most signs one of them showed. */
public final class MailHidingState {

  ChangeIncident incident = new ChangeIncident();

  /** The most intruder's signs any rule of the open incident showed. */
  int mostSigns;

  static final StateCodec<MailHidingState> CODEC =
      new BinaryStateCodec<>("mail-hiding-rule", 1) {
        @Override
        protected void write(MailHidingState state, BinaryStateWriter out) {
          state.incident.write(out);
          out.writeInt(state.mostSigns);
        }

        @Override
        protected MailHidingState read(BinaryStateReader in, int version) {
          MailHidingState state = new MailHidingState();
          state.incident = ChangeIncident.read(in);
          state.mostSigns = in.readInt();
          return state;
        }
      };
}
