package io.stormwatch.detector.rules.audittampering;

import io.stormwatch.detector.rules.ChangeIncident;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import io.stormwatch.schemas.avro.Severity;

/** One account's open incident of changes weakening audit, and its severity so far. */
public final class AuditTamperingState {

  ChangeIncident incident = new ChangeIncident();

  Severity severity = Severity.LOW;

  static final StateCodec<AuditTamperingState> CODEC =
      new BinaryStateCodec<>("audit-tampering", 1) {
        @Override
        protected void write(AuditTamperingState state, BinaryStateWriter out) {
          state.incident.write(out);
          out.writeString(state.severity.name());
        }

        @Override
        protected AuditTamperingState read(BinaryStateReader in, int version) {
          AuditTamperingState state = new AuditTamperingState();
          state.incident = ChangeIncident.read(in);
          state.severity = Severity.valueOf(in.readString());
          return state;
        }
      };
}
