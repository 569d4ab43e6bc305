package io.stormwatch.detector.rules.appsweep;

import io.stormwatch.detector.alert.BoundedSortedSet;
import io.stormwatch.detector.alert.EventSample;
import io.stormwatch.detector.state.BinaryStateCodec;
import io.stormwatch.detector.state.BinaryStateReader;
import io.stormwatch.detector.state.BinaryStateWriter;
import io.stormwatch.detector.state.StateCodec;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one application read in one tenant: the mailboxes of the current window, its usual peak, and
 * its open sweep incident.
 */
final class AppMailboxes {

  static final int LIMIT = 16;
  static final long NONE = Long.MIN_VALUE;

  /** Mailbox to when the application last read it, for the mailboxes of the current window. */
  final Map<String, Long> window = new TreeMap<>();

  /** The most mailboxes the application read in one window outside an incident: its usual peak. */
  int peak;

  /**
   * The most it read in a window since {@link #candidateSince}: it becomes part of the peak only
   * once a whole window has passed, so that a sweep in progress is judged against the peak before
   * it, not taught as usual while it climbs.
   */
  int candidate;

  long candidateSince = NONE;

  /** Time the open incident began (its alert id); {@link #NONE} when none is open. */
  long openedAt = NONE;

  long lastRead = NONE;
  long reads;
  long items;
  int revision;
  int reportedMailboxes;

  /** The incident's mailboxes: all of them up to 64, of which the alert lists the first. */
  final BoundedSortedSet<String> mailboxes = new BoundedSortedSet<>(64);

  final BoundedSortedSet<String> ips = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<Long> asns = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> asOrganisations = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> countries = new BoundedSortedSet<>(LIMIT);
  final BoundedSortedSet<String> tokenIds = new BoundedSortedSet<>(LIMIT);
  EventSample sample = new EventSample();

  boolean incidentOpen() {
    return openedAt != NONE;
  }

  /** Closes the incident, keeping what was learned of the application. */
  void closeIncident() {
    openedAt = NONE;
    lastRead = NONE;
    reads = 0;
    items = 0;
    revision = 0;
    reportedMailboxes = 0;
    mailboxes.clear();
    ips.clear();
    asns.clear();
    asOrganisations.clear();
    countries.clear();
    tokenIds.clear();
    sample = new EventSample();
  }

  static final StateCodec<AppMailboxes> CODEC =
      new BinaryStateCodec<>("app-mailbox-sweep", 1) {
        @Override
        protected void write(AppMailboxes app, BinaryStateWriter out) {
          out.writeInt(app.window.size());
          app.window.forEach((mailbox, time) -> out.writeString(mailbox).writeLong(time));
          out.writeInt(app.peak)
              .writeInt(app.candidate)
              .writeLong(app.candidateSince)
              .writeLong(app.openedAt)
              .writeLong(app.lastRead)
              .writeLong(app.reads)
              .writeLong(app.items)
              .writeInt(app.revision)
              .writeInt(app.reportedMailboxes)
              .writeStrings(app.mailboxes.toList())
              .writeStrings(app.ips.toList())
              .writeLongs(app.asns.toList())
              .writeStrings(app.asOrganisations.toList())
              .writeStrings(app.countries.toList())
              .writeStrings(app.tokenIds.toList())
              .writeLongs(app.sample.times())
              .writeStrings(app.sample.eventIds());
        }

        @Override
        protected AppMailboxes read(BinaryStateReader in, int version) {
          AppMailboxes app = new AppMailboxes();
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            app.window.put(in.readString(), in.readLong());
          }
          app.peak = in.readInt();
          app.candidate = in.readInt();
          app.candidateSince = in.readLong();
          app.openedAt = in.readLong();
          app.lastRead = in.readLong();
          app.reads = in.readLong();
          app.items = in.readLong();
          app.revision = in.readInt();
          app.reportedMailboxes = in.readInt();
          app.mailboxes.addAll(in.readStrings());
          app.ips.addAll(in.readStrings());
          app.asns.addAll(in.readLongs());
          app.asOrganisations.addAll(in.readStrings());
          app.countries.addAll(in.readStrings());
          app.tokenIds.addAll(in.readStrings());
          app.sample = EventSample.of(in.readLongs(), in.readStrings());
          return app;
        }
      };
}
