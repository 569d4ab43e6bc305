package io.stormwatch.detector.rules.orphantoken;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;

/** One account's open orphan-token incident: every unverified use folds into it. */
final class OrphanIncident {

  static final int LIMIT = 16;

  /** Time of the use that opened the incident: its alert id, fixed for the incident's life. */
  long openedAt;

  long firstUse;
  long lastUse;
  long uses;
  long reportedUses;
  int revision;
  int reportedNetworks;
  int reportedApps;
  final BoundedSortedSet<String> tokenIds = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> sessionIds = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> ips = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<Long> asns = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> asOrganisations = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> countries = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> appIds = new BoundedSortedSet<>(LIMIT);
  EventSample sample = new EventSample();

  static final StateCodec<OrphanIncident> CODEC =
      new BinaryStateCodec<>("orphan-token incident", 1) {
        @Override
        protected void write(OrphanIncident incident, BinaryStateWriter out) {
          out.writeLong(incident.openedAt)
              .writeLong(incident.firstUse)
              .writeLong(incident.lastUse)
              .writeLong(incident.uses)
              .writeLong(incident.reportedUses)
              .writeInt(incident.revision)
              .writeInt(incident.reportedNetworks)
              .writeInt(incident.reportedApps)
              .writeStrings(incident.tokenIds.toList())
              .writeStrings(incident.sessionIds.toList())
              .writeStrings(incident.ips.toList())
              .writeLongs(incident.asns.toList())
              .writeStrings(incident.asOrganisations.toList())
              .writeStrings(incident.countries.toList())
              .writeStrings(incident.appIds.toList())
              .writeLongs(incident.sample.times())
              .writeStrings(incident.sample.eventIds());
        }

        @Override
        protected OrphanIncident read(BinaryStateReader in, int version) {
          return OrphanIncident.read(in);
        }
      };

  private static OrphanIncident read(BinaryStateReader in) {
    OrphanIncident incident = new OrphanIncident();
    incident.openedAt = in.readLong();
    incident.firstUse = in.readLong();
    incident.lastUse = in.readLong();
    incident.uses = in.readLong();
    incident.reportedUses = in.readLong();
    incident.revision = in.readInt();
    incident.reportedNetworks = in.readInt();
    incident.reportedApps = in.readInt();
    incident.tokenIds.addAll(in.readStrings());
    incident.sessionIds.addAll(in.readStrings());
    incident.ips.addAll(in.readStrings());
    incident.asns.addAll(in.readLongs());
    incident.asOrganisations.addAll(in.readStrings());
    incident.countries.addAll(in.readStrings());
    incident.appIds.addAll(in.readStrings());
    incident.sample = EventSample.of(in.readLongs(), in.readStrings());
    return incident;
  }
}
