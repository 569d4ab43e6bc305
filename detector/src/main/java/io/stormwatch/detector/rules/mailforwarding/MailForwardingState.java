package io.stormwatch.detector.rules.mailforwarding;

import io.stormwatch.detector.rules.ChangeIncident;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/**
 * One account's open forwarding incident, whether any of its changes leaves the mailbox without a
 * copy, and how many of the account's Outlook rule changes Exchange recorded without their content.
 */
public final class MailForwardingState {

  ChangeIncident incident = new ChangeIncident();

  /** Whether a change of the open incident keeps no copy in the mailbox. */
  boolean keepsNoCopy;

  /** Outlook rule changes (ModifyMailboxRule) of the account whose content was not recorded. */
  long unreadableRuleChanges;

  boolean isEmpty() {
    return !incident.isOpen() && unreadableRuleChanges == 0;
  }

  static final StateCodec<MailForwardingState> CODEC =
      new BinaryStateCodec<>("mail-forwarding", 1) {
        @Override
        protected void write(MailForwardingState state, BinaryStateWriter out) {
          state.incident.write(out);
          out.writeBoolean(state.keepsNoCopy).writeLong(state.unreadableRuleChanges);
        }

        @Override
        protected MailForwardingState read(BinaryStateReader in, int version) {
          MailForwardingState state = new MailForwardingState();
          state.incident = ChangeIncident.read(in);
          state.keepsNoCopy = in.readBoolean();
          state.unreadableRuleChanges = in.readLong();
          return state;
        }
      };
}
