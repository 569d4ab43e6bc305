package io.stormwatch.detector.rules.delegation;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/** One reader's open incident: the mailboxes new to them they read, and the grants behind them. */
final class DelegateIncident {

  static final int LIMIT = 16;

  /** Time of the read that opened the incident: its alert id, fixed for the incident's life. */
  long openedAt;

  long lastRead;
  long reads;
  long items;
  int revision;

  /** Mailboxes new to the reader, counted past the 16 listed. */
  long newMailboxes;

  /** Items read when the latest revision was made. */
  long reportedItems;

  /** Mailboxes read after a delegation to the reader on them. */
  final BoundedSortedSet<String> grantedMailboxes = new BoundedSortedSet<>(LIMIT);

  final BoundedSortedSet<String> mailboxes = new BoundedSortedSet<>(LIMIT);

  /** The delegations behind those reads, as {@code FullAccess by admin@contoso.com}. */
  final BoundedSortedSet<String> grants = new BoundedSortedSet<>(LIMIT);

  final BoundedSortedSet<String> ips = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<Long> asns = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> asOrganisations = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> countries = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> appIds = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> tokenIds = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> sessionIds = new BoundedSortedSet<>(LIMIT);
  EventSample sample = new EventSample();

  static final StateCodec<DelegateIncident> CODEC =
      new BinaryStateCodec<>("mailbox-delegate-access incident", 1) {
        @Override
        protected void write(DelegateIncident incident, BinaryStateWriter out) {
          out.writeLong(incident.openedAt)
              .writeLong(incident.lastRead)
              .writeLong(incident.reads)
              .writeLong(incident.items)
              .writeInt(incident.revision)
              .writeLong(incident.newMailboxes)
              .writeLong(incident.reportedItems)
              .writeStrings(incident.grantedMailboxes.toList())
              .writeStrings(incident.mailboxes.toList())
              .writeStrings(incident.grants.toList())
              .writeStrings(incident.ips.toList())
              .writeLongs(incident.asns.toList())
              .writeStrings(incident.asOrganisations.toList())
              .writeStrings(incident.countries.toList())
              .writeStrings(incident.appIds.toList())
              .writeStrings(incident.tokenIds.toList())
              .writeStrings(incident.sessionIds.toList())
              .writeLongs(incident.sample.times())
              .writeStrings(incident.sample.eventIds());
        }

        @Override
        protected DelegateIncident read(BinaryStateReader in, int version) {
          DelegateIncident incident = new DelegateIncident();
          incident.openedAt = in.readLong();
          incident.lastRead = in.readLong();
          incident.reads = in.readLong();
          incident.items = in.readLong();
          incident.revision = in.readInt();
          incident.newMailboxes = in.readLong();
          incident.reportedItems = in.readLong();
          incident.grantedMailboxes.addAll(in.readStrings());
          incident.mailboxes.addAll(in.readStrings());
          incident.grants.addAll(in.readStrings());
          incident.ips.addAll(in.readStrings());
          incident.asns.addAll(in.readLongs());
          incident.asOrganisations.addAll(in.readStrings());
          incident.countries.addAll(in.readStrings());
          incident.appIds.addAll(in.readStrings());
          incident.tokenIds.addAll(in.readStrings());
          incident.sessionIds.addAll(in.readStrings());
          incident.sample = EventSample.of(in.readLongs(), in.readStrings());
          return incident;
        }
      };
}
