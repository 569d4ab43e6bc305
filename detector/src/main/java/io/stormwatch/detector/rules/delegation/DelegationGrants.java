package io.stormwatch.detector.rules.delegation;

import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The recent delegations to one grantee: which mailbox, by whom, when, with what rights. */
final class DelegationGrants {

  static final int LIMIT = 8;

  /**
   * One delegation.
   *
   * @param mailbox the mailbox's name ({@link MailboxNames}); null for one covering every mailbox
   * @param grantor who granted it
   * @param time when
   * @param permissions what it gave, joined by commas
   * @param eventId the granting record
   */
  record Grant(String mailbox, String grantor, long time, String permissions, String eventId) {}

  final List<Grant> grants = new ArrayList<>();

  /** Adds {@code grant}, forgetting grants older than {@code window} and the oldest beyond 8. */
  void add(Grant grant, long window) {
    grants.add(grant);
    grants.removeIf(g -> grant.time() - g.time() > window);
    grants.sort(Comparator.comparingLong(Grant::time).thenComparing(Grant::eventId));
    while (grants.size() > LIMIT) {
      grants.remove(0);
    }
  }

  static final StateCodec<DelegationGrants> CODEC =
      new BinaryStateCodec<>("mailbox-delegate-access grants", 1) {
        @Override
        protected void write(DelegationGrants state, BinaryStateWriter out) {
          out.writeInt(state.grants.size());
          for (Grant g : state.grants) {
            out.writeString(g.mailbox())
                .writeString(g.grantor())
                .writeLong(g.time())
                .writeString(g.permissions())
                .writeString(g.eventId());
          }
        }

        @Override
        protected DelegationGrants read(BinaryStateReader in, int version) {
          DelegationGrants state = new DelegationGrants();
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            state.grants.add(
                new Grant(
                    in.readString(),
                    in.readString(),
                    in.readLong(),
                    in.readString(),
                    in.readString()));
          }
          return state;
        }
      };
}
