package io.stormwatch.detector.rules.appconsent;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/** One application's mail grants in a tenant, and the mail it read after them. */
final class ConsentIncident {

  static final int LIMIT = 16;
  static final long NONE = Long.MIN_VALUE;

  /** Time of the grant that opened the incident: its alert id, fixed for the incident's life. */
  long openedAt;

  /** The account that made the first grant: the alert's account. */
  String grantor;

  long lastGrant;
  long grants;
  boolean tenantWide;
  long firstRead = NONE;
  long lastRead = NONE;
  long reads;
  long items;

  /** Items read when the latest revision was made. */
  long reportedItems;

  int revision;
  final BoundedSortedSet<String> grantors = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> permissions = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> mailboxes = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> ips = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<Long> asns = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> asOrganisations = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> countries = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> tokenIds = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> sessionIds = new BoundedSortedSet<>(LIMIT);
  EventSample sample = new EventSample();

  boolean hasReads() {
    return firstRead != NONE;
  }

  static final StateCodec<ConsentIncident> CODEC =
      new BinaryStateCodec<>("mail-app-consent incident", 1) {
        @Override
        protected void write(ConsentIncident incident, BinaryStateWriter out) {
          out.writeLong(incident.openedAt)
              .writeString(incident.grantor)
              .writeLong(incident.lastGrant)
              .writeLong(incident.grants)
              .writeBoolean(incident.tenantWide)
              .writeLong(incident.firstRead)
              .writeLong(incident.lastRead)
              .writeLong(incident.reads)
              .writeLong(incident.items)
              .writeLong(incident.reportedItems)
              .writeInt(incident.revision)
              .writeStrings(incident.grantors.toList())
              .writeStrings(incident.permissions.toList())
              .writeStrings(incident.mailboxes.toList())
              .writeStrings(incident.ips.toList())
              .writeLongs(incident.asns.toList())
              .writeStrings(incident.asOrganisations.toList())
              .writeStrings(incident.countries.toList())
              .writeStrings(incident.tokenIds.toList())
              .writeStrings(incident.sessionIds.toList())
              .writeLongs(incident.sample.times())
              .writeStrings(incident.sample.eventIds());
        }

        @Override
        protected ConsentIncident read(BinaryStateReader in, int version) {
          ConsentIncident incident = new ConsentIncident();
          incident.openedAt = in.readLong();
          incident.grantor = in.readString();
          incident.lastGrant = in.readLong();
          incident.grants = in.readLong();
          incident.tenantWide = in.readBoolean();
          incident.firstRead = in.readLong();
          incident.lastRead = in.readLong();
          incident.reads = in.readLong();
          incident.items = in.readLong();
          incident.reportedItems = in.readLong();
          incident.revision = in.readInt();
          incident.grantors.addAll(in.readStrings());
          incident.permissions.addAll(in.readStrings());
          incident.mailboxes.addAll(in.readStrings());
          incident.ips.addAll(in.readStrings());
          incident.asns.addAll(in.readLongs());
          incident.asOrganisations.addAll(in.readStrings());
          incident.countries.addAll(in.readStrings());
          incident.tokenIds.addAll(in.readStrings());
          incident.sessionIds.addAll(in.readStrings());
          incident.sample = EventSample.of(in.readLongs(), in.readStrings());
          return incident;
        }
      };
}
