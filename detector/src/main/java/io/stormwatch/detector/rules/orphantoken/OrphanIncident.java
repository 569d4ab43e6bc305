package io.stormwatch.detector.rules.orphantoken;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;

/** One account's open orphan-token incident: every unverified use folds into it. */
final class OrphanIncident {

  private static final int FORMAT_VERSION = 1;
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

  byte[] encode() {
    return new BinaryStateWriter(FORMAT_VERSION)
        .writeLong(openedAt)
        .writeLong(firstUse)
        .writeLong(lastUse)
        .writeLong(uses)
        .writeLong(reportedUses)
        .writeInt(revision)
        .writeInt(reportedNetworks)
        .writeInt(reportedApps)
        .writeStrings(tokenIds.toList())
        .writeStrings(sessionIds.toList())
        .writeStrings(ips.toList())
        .writeLongs(asns.toList())
        .writeStrings(asOrganisations.toList())
        .writeStrings(countries.toList())
        .writeStrings(appIds.toList())
        .writeLongs(sample.times())
        .writeStrings(sample.eventIds())
        .toByteArray();
  }

  static OrphanIncident decode(byte[] bytes) {
    BinaryStateReader in = new BinaryStateReader(bytes, FORMAT_VERSION, "orphan-token incident");
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
